package render

import (
	"thidua/internal/record"
	"thidua/internal/tally"
	"thidua/internal/view"
)

// Data is what templates and Word forms see for a record: the record
// itself, keyed by its TOML names, and what thidua computes from it. The
// error, when not nil, is a record.Errors.
func Data(rec *record.Record) (map[string]any, error) {
	data := view.Data(rec)

	// Session results (issue 4): % of plan, scores and ranks, the vote,
	// the report's and minutes' defaults, under "ket_qua".
	if err := tally.AddData(data, rec); err != nil {
		return nil, err
	}

	return data, nil
}
