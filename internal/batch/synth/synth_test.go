package synth

import (
	"bytes"
	"testing"

	"thidua/internal/awards"
	"thidua/internal/record"
	"thidua/internal/tally"
)

// The generated records are valid, the same for a seed, and their votes
// include proposals below the share their regulation sets (so the bench
// measures the failed path too) with prize votes that vary.
func TestRecord(t *testing.T) {
	failed := 0
	for seed := uint64(1); seed <= 5; seed++ {
		src := Record(30, seed)
		if !bytes.Equal(src, Record(30, seed)) {
			t.Fatalf("seed %d: two different records", seed)
		}
		rec, err := record.Parse("synth.toml", src)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		res, err := tally.Compute(rec, awards.Builtin())
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for _, c := range res.Vote.Candidates {
			if !c.Passed {
				failed++
			}
		}
		if d := awards.Compute(rec, awards.Builtin(), nil); !d.Complete() {
			t.Fatalf("seed %d: %v", seed, d.Errors)
		}
		votes := map[int]bool{}
		for _, n := range rec.Nominees {
			votes[n.Votes] = true
		}
		if len(votes) < 2 {
			t.Errorf("seed %d: every nominee has the same votes %v", seed, votes)
		}
	}
	if failed == 0 {
		t.Error("no vote below its threshold in five records")
	}
}
