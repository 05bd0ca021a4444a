package render

import (
	"thidua/internal/awards"
	"thidua/internal/record"
)

// Option changes what Data computes.
type Option func(*settings)

type settings struct {
	catalogue *awards.Catalogue
	votes     awards.VoteSource
}

func settingsOf(opts []Option) settings {
	var s settings
	for _, o := range opts {
		o(&s)
	}
	if s.catalogue == nil {
		s.catalogue = awards.Builtin()
	}
	return s
}

// WithCatalogue makes Data use an award catalogue other than the built-in
// one (a user's khen-thuong.toml).
func WithCatalogue(c *awards.Catalogue) Option {
	return func(s *settings) { s.catalogue = c }
}

// WithVotes gives Data the votes a record's nominees do not state, from
// the session's tally.
func WithVotes(v awards.VoteSource) Option {
	return func(s *settings) { s.votes = v }
}

// addAwards puts the computed award dossier under "ho_so".
func addAwards(data map[string]any, rec *record.Record, s settings) error {
	d := awards.Compute(rec, s.catalogue, s.votes)
	if d == nil {
		return nil
	}
	data["ho_so"] = d.Data(rec)
	if len(d.Errors) > 0 {
		return d.Errors
	}
	return nil
}
