package render

import (
	"thidua/internal/awards"
	"thidua/internal/forms"
	"thidua/internal/record"
	"thidua/internal/sheet"
	"thidua/internal/tally"
	"thidua/internal/view"
)

// sourceKey holds the typed results in the data map, for the papers'
// spreadsheets: no template path can name it and view.PathsOf skips it.
const sourceKey = "\x00sheet"

// Data is what templates and Word forms see for a record: the record
// itself, keyed by its TOML names, and what thidua computes from it.
//
// The error, when not nil, is a record.Errors. Errors in the session's
// results stop everything (data is nil); errors that concern single
// nominees leave the data usable: those nominees, and the papers that
// would list them, are left out (see awards.Dossier.Data).
func Data(rec *record.Record, opts ...Option) (map[string]any, error) {
	res, dossier, err := compute(rec, settingsOf(opts))
	if err != nil {
		return nil, err
	}
	data := view.Data(rec)
	// Session results (issue 4): % of plan, scores and ranks, the vote,
	// the report's and minutes' defaults, under "ket_qua".
	if !res.Empty() {
		data["ket_qua"] = res.Data()
	}
	// The typed results, for the spreadsheets of the papers' tables.
	src := &sheet.Source{Record: rec, Results: res}
	data[sourceKey] = src
	// Award proposals (issue 5): prize money, vote shares, lists by award,
	// under "ho_so".
	if dossier != nil {
		src.Awards = dossier.Data(rec)
		data["ho_so"] = src.Awards
		if len(dossier.Errors) > 0 {
			err = dossier.Errors
		}
	}
	forms.KeepPlaces(data)
	return data, err
}

// Check reports the problems Data would, without making the template
// data (thidua nhap checks a record it is about to write with it).
func Check(rec *record.Record, opts ...Option) error {
	_, dossier, err := compute(rec, settingsOf(opts))
	if err == nil && dossier != nil && len(dossier.Errors) > 0 {
		err = dossier.Errors
	}
	return err
}

// compute checks and computes the session's results and the award
// dossier (nil without [khen_thuong]); a nominee's vote, when its entry
// does not state it, comes from the session's bình xét.
func compute(rec *record.Record, s settings) (*tally.Results, *awards.Dossier, error) {
	res, err := tally.Compute(rec, s.catalogue)
	if err != nil {
		return nil, nil, err
	}
	if s.votes == nil && res.Vote != nil {
		s.votes = sessionVotes(res.Vote)
	}
	return res, awards.Compute(rec, s.catalogue, s.votes), nil
}

// Notes are the warnings the record's results carry (tally.Results.Notes:
// a Cờ thi đua proposed for a unit the scores do not rank first), for the
// commands to show beside the papers they write.
func Notes(data map[string]any) []string {
	if src, ok := data[sourceKey].(*sheet.Source); ok && src.Results != nil {
		return src.Results.Notes
	}
	return nil
}
