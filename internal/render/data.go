package render

import (
	"thidua/internal/record"
	"thidua/internal/view"
)

// Data is what templates and Word forms see for a record: the record
// itself, keyed by its TOML names, and what thidua computes from it.
func Data(rec *record.Record) (map[string]any, error) {
	return view.Data(rec), nil
}
