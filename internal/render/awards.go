package render

import (
	"thidua/internal/awards"
	"thidua/internal/record"
	"thidua/internal/tally"
	"thidua/internal/vn"
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

// sessionVotes finds a nominee among the candidates of the session's
// vote: the same member unit, or a person of the same name; a nominee put
// to the vote for several awards is ambiguous and gets no vote from here.
func sessionVotes(v *tally.VoteResult) awards.VoteSource {
	return func(_ int, n *record.Nominee) (awards.Vote, bool) {
		var found *tally.Candidate
		for _, c := range v.Candidates {
			same := c.ID != "" && c.ID == n.Member || c.ID == "" && n.Member == "" && vn.Same(c.Name, n.Name)
			if !same {
				continue
			}
			if found != nil {
				return awards.Vote{}, false
			}
			found = c
		}
		if found == nil {
			return awards.Vote{}, false
		}
		return awards.Vote{For: found.Votes, Entitled: v.Denominator}, true
	}
}
