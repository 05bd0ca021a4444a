package render

import (
	"thidua/internal/record"
	"thidua/internal/sheet"
	"thidua/internal/tally"
	"thidua/internal/view"
)

// Data is what templates and Word forms see for a record: the record
// itself, keyed by its TOML names, and what thidua computes from it.
//
// The error, when not nil, is a record.Errors. Errors in the session's
// results stop everything (data is nil); errors that concern single
// nominees leave the data usable: those nominees, and the papers that
// would list them, are left out (see awards.Dossier.Data).
// sourceKey holds the typed results in the data map, for the papers'
// spreadsheets: no template path can name it and view.PathsOf skips it.
const sourceKey = "\x00sheet"

func Data(rec *record.Record, opts ...Option) (map[string]any, error) {
	s := settingsOf(opts)
	data := view.Data(rec)

	// Session results (issue 4): % of plan, scores and ranks, the vote,
	// the report's and minutes' defaults, under "ket_qua".
	res, err := tally.Compute(rec, s.catalogue)
	if err != nil {
		return nil, err
	}
	if !res.Empty() {
		data["ket_qua"] = res.Data()
	}
	// The typed results, for the spreadsheets of the papers' tables.
	src := &sheet.Source{Record: rec, Results: res}
	data[sourceKey] = src

	// Award proposals (issue 5): prize money, vote shares, lists by award;
	// a nominee's vote, when its entry does not state it, comes from the
	// session's bình xét.
	if s.votes == nil && res.Vote != nil {
		s.votes = sessionVotes(res.Vote)
	}
	err = addAwards(data, rec, s)
	src.Awards, _ = data["ho_so"].(map[string]any)

	return data, err
}
