package record

import (
	"errors"
	"time"
)

// Values read from elsewhere than a record (a spreadsheet cell) go through
// the same rules as a record's values.

// ParseNumber reads a number as a record may write it: v is an int64, a
// float64 or a string written the Vietnamese way ("1.234,5", "95,5").
// The error is in Vietnamese.
func ParseNumber(v any) (Number, error) {
	n, p := numberFrom(v)
	if p != nil {
		return Number{}, errors.New(p.msg)
	}
	return n, nil
}

// TOML writes the number as a TOML value: "-1721.4".
func (n Number) TOML() string { return n.plain() }

// DateOf is the civil date of t.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// UnmarshalTOML accepts what a record may write for a number, so that
// Number also decodes with toml.Decode outside this package.
func (n *Number) UnmarshalTOML(v any) error {
	out, p := numberFrom(v)
	if p != nil {
		return errors.New(p.msg)
	}
	*n = out
	return nil
}
