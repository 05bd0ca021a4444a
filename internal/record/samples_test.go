package record

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The three sample records decode without error and hold the facts of
// their articles (../shared/seeds).
func TestSamples(t *testing.T) {
	for _, tc := range []struct {
		file             string
		members          int
		head, host, date string
		signers          []string // named in the article
	}{
		{"bac-trung-bo-2023.toml", 6, "quang-tri", "nghe-an", "14/03/2023", []string{"Nguyễn Đức Trung", "Võ Văn Hưng"}},
		{"hai-phong-khoi-huyen-2024.toml", 8, "cat-hai", "vinh-bao", "28/02/2024", nil},
		{"hong-linh-2024.toml", 6, "", "", "12/01/2024", []string{"Bùi Quang Liêm"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("..", "..", "samples", tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(data), "# HỒ SƠ MẪU: ") {
				t.Error("a sample starts with a comment saying what it is")
			}
			r, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Members) != tc.members || r.Cluster.Head != tc.head || r.Session.Host != tc.host || r.Session.Date.String() != tc.date {
				t.Errorf("members %d, head %q, host %q, date %s", len(r.Members), r.Cluster.Head, r.Session.Host, r.Session.Date)
			}
			var named []string
			for _, m := range r.Members {
				if m.Head.Name != "(Họ và tên)" {
					named = append(named, m.Head.Name)
				}
			}
			if !slices.Equal(named, tc.signers) {
				t.Errorf("named signers %q, want %q (others must be the placeholder)", named, tc.signers)
			}
			p := r.Pledge
			if p == nil || len(p.Pledges) < 6 || len(p.Pledges) > 10 || len(p.Purposes) == 0 || p.Place == "" || p.Date != r.Session.Date {
				t.Errorf("pledge incomplete: %+v", p)
			}
		})
	}
}
