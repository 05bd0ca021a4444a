package awards

import (
	"testing"

	"thidua/internal/batch/synth"
	"thidua/internal/record"
)

// BenchmarkCompute is the award dossier of a record of 1.000 nominees:
// coefficients, checked prize money and totals, votes.
func BenchmarkCompute(b *testing.B) {
	rec, err := record.Parse("synth.toml", synth.Record(1000, 1))
	if err != nil {
		b.Fatal(err)
	}
	cat := Builtin()
	b.ReportAllocs()
	for b.Loop() {
		if d := Compute(rec, cat, nil); !d.Complete() {
			b.Fatal(d.Errors)
		}
	}
}
