package render

import (
	"thidua/internal/record"
	"thidua/internal/view"
)

// Data is what templates and Word forms see for a record: the record
// itself, keyed by its TOML names, and what thidua computes from it.
//
// The error, when not nil, is a record.Errors of problems that concern
// single nominees; the data is still usable then: those nominees, and the
// papers that would list them, are left out (see awards.Dossier.Data).
func Data(rec *record.Record, opts ...Option) (map[string]any, error) {
	s := settingsOf(opts)
	data := view.Data(rec)

	// Award proposals (issue 5): prize money, vote shares, lists by award.
	err := addAwards(data, rec, s)

	return data, err
}
