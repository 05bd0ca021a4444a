package sheet

import (
	"fmt"
	"strconv"

	"thidua/internal/record"
)

// This file writes numbers and dates in machine syntax (TOML values,
// formula constants, document properties), never for people to read.

// fmtFloat writes x in its shortest form with a decimal point: "92.5".
func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// w3cDate writes a date as document properties want it.
func w3cDate(d record.Date) string {
	return fmt.Sprintf("%04d-%02d-%02dT00:00:00Z", d.Year, int(d.Month), d.Day)
}
