package sheet_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"thidua/internal/awards"
	"thidua/internal/forms"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/tally"
	"thidua/internal/testkit"
	"thidua/internal/vn"
)

// samples with tables: session results and award dossiers.
var samples = []string{
	"bac-trung-bo-tong-ket-2022", "an-binh-so-ket-6-thang-2025", "hai-phong-khoi-huyen-tong-ket-2023", "hong-linh-tong-ket-2023",
	"hai-phong-khen-thuong-2023", "hong-linh-khen-thuong-2023",
}

func load(t testing.TB, name string) (*record.Record, map[string]any) {
	t.Helper()
	rec, err := record.Load(filepath.Join("..", "..", "samples", name+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := render.Data(rec)
	if err != nil {
		t.Fatal(err)
	}
	return rec, data
}

// workbooks renders every paper of a record that has tables as .xlsx.
func workbooks(t testing.TB, data map[string]any) []render.File {
	t.Helper()
	set, err := forms.LoadSet("")
	if err != nil {
		t.Fatal(err)
	}
	tpls, err := set.Pick("", data)
	if err != nil {
		t.Fatal(err)
	}
	var out []render.File
	for _, tp := range tpls {
		for _, item := range tp.Each(data) {
			files, err := render.Paper(tp, item, []string{"xlsx"})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, files...)
		}
	}
	return out
}

func TestExportSameBytes(t *testing.T) {
	for _, name := range samples {
		_, d1 := load(t, name)
		_, d2 := load(t, name)
		a, b := workbooks(t, d1), workbooks(t, d2)
		if len(a) == 0 {
			t.Fatalf("%s: no workbook", name)
		}
		for i := range a {
			if !bytes.Equal(a[i].Data, b[i].Data) {
				t.Errorf("%s: %s differs between two runs", name, a[i].Name)
			}
		}
	}
}

// column finds the header cell titled title in LibreOffice's rows and
// returns its row and column.
func column(rows [][]string, title string) (int, int) {
	for r, row := range rows {
		if c := slices.Index(row, title); c >= 0 {
			return r, c
		}
	}
	return -1, -1
}

// below returns the non-empty cells of column c under row r, up to the
// first empty one.
func below(rows [][]string, r, c int) []string {
	var out []string
	for _, row := range rows[r+1:] {
		if c >= len(row) || row[c] == "" {
			continue
		}
		out = append(out, row[c])
	}
	return out
}

// TestLibreOfficeTotals opens every exported workbook in LibreOffice Calc,
// which recalculates the formulas, and compares the totals and ratios it
// shows with thidua's.
func TestLibreOfficeTotals(t *testing.T) {
	testkit.Need(t, "soffice")
	dir := t.TempDir()
	var paths []string
	want := map[string]map[string]map[string][]string{} // file -> sheet -> column -> values
	for _, name := range samples {
		rec, data := load(t, name)
		res, err := tally.Compute(rec, awards.Builtin())
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range workbooks(t, data) {
			// The cached results are replaced by a wrong number: what
			// LibreOffice shows, it computed.
			p := filepath.Join(dir, f.Name)
			if err := os.WriteFile(p, poisoned(t, f.Data), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
			w := map[string]map[string][]string{}
			want[f.Name] = w
			if s := res.Scoring; s != nil && f.Paper == "bao-cao" {
				var total, first []string
				for _, row := range s.Rows {
					total = append(total, row.Total.String())
					if s.HasSelf {
						first = append(first, row.Self.String())
					} else {
						first = append(first, row.Cluster.String())
					}
				}
				w["Bảng điểm"] = map[string][]string{"Tổng điểm": total, "Cộng": first}
			}
			if len(res.Indicators) > 0 && f.Paper == "bao-cao" {
				// Every figure's result (a computed "Cộng" is a sum in the
				// sheet) and its ratios.
				cols := map[string][]string{}
				add := func(title string, p *tally.Percent) {
					if p != nil {
						cols[title] = append(cols[title], p.Number())
					}
				}
				for _, g := range res.Indicators {
					figs := g.Rows
					if g.Total != nil {
						figs = append(slices.Clip(figs), g.Total)
					}
					for _, f := range figs {
						cols["Thực hiện"] = append(cols["Thực hiện"], f.Result.String())
						add("So với kế hoạch (%)", f.OfPlan)
						add("So với chỉ tiêu kỳ (%)", f.OfTarget)
						add("So với cùng kỳ (%)", f.OfSame)
						add("Tăng, giảm (%)", f.Change)
					}
				}
				w["Chỉ tiêu"] = cols
			}
			if v := res.Vote; v != nil && f.Paper == "bien-ban-binh-xet" {
				var pct []string
				for _, c := range v.Candidates {
					pct = append(pct, c.Share.Number())
				}
				w["Bình xét"] = map[string][]string{"Tỷ lệ (%)": pct}
			}
			if hs, ok := data["ho_so"].(map[string]any); ok {
				tc := hs["tong_cong"].(map[string]any)
				switch f.Paper {
				case "danh-sach":
					var prizes []string
					for _, e := range hs["de_nghi"].([]map[string]any) {
						prizes = append(prizes, vn.FormatInt(e["tien_thuong"].(int64)))
					}
					w["Danh sách"] = map[string][]string{"Tiền thưởng (đồng)": append(prizes, vn.FormatInt(tc["tien"].(int64)))}
				case "tong-hop-tien-thuong":
					var sums []string
					for _, g := range hs["hinh_thuc"].([]map[string]any) {
						for _, d := range g["dong"].([]map[string]any) {
							sums = append(sums, vn.FormatInt(d["thanh_tien"].(int64)))
						}
					}
					w["Tổng hợp"] = map[string][]string{"Thành tiền (đồng)": append(sums, vn.FormatInt(tc["tien"].(int64)))}
				}
			}
		}
	}
	got := testkit.Sheets(t, dir, paths...)
	for file, sheets := range got {
		for sheet, rows := range sheets {
			for r, row := range rows {
				if i := slices.Index(row, "999"); i >= 0 {
					t.Errorf("%s/%s: row %d column %d still shows the poisoned cache: LibreOffice did not recalculate", file, sheet, r+1, i+1)
				}
			}
		}
	}
	checked := 0
	for file, sheets := range want {
		for sheet, cols := range sheets {
			rows := got[file][sheet]
			if rows == nil {
				t.Errorf("%s: LibreOffice has no sheet %q (has %v)", file, sheet, keys(got[file]))
				continue
			}
			for title, values := range cols {
				r, c := column(rows, title)
				if r < 0 {
					t.Errorf("%s/%s: no column %q", file, sheet, title)
					continue
				}
				if g := below(rows, r, c); !slices.Equal(g, values) {
					t.Errorf("%s/%s, %s: LibreOffice shows %q, thidua %q", file, sheet, title, g, values)
				}
				checked++
			}
		}
	}
	if checked < 6 {
		t.Errorf("only %d columns compared", checked)
	}
}

var reCached = regexp.MustCompile(`(<f>[^<]*</f>)<v>[^<]*</v>`)

// poisoned is a workbook whose formula cells cache 999 instead of their
// value.
func poisoned(t testing.TB, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	n := 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			n += len(reCached.FindAll(b, -1))
			b = reCached.ReplaceAll(b, []byte("$1<v>999</v>"))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no formula in the workbook")
	}
	return buf.Bytes()
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestExportHead checks the NĐ30 block and the frozen, repeated header
// in the workbook's XML.
func TestExportHead(t *testing.T) {
	_, data := load(t, "hai-phong-khen-thuong-2023")
	files := workbooks(t, data)
	var ds *render.File
	for i := range files {
		if files[i].Paper == "danh-sach" {
			ds = &files[i]
		}
	}
	if ds == nil {
		t.Fatal("no danh-sach.xlsx")
	}
	parts := map[string]string{}
	for _, e := range testkit.Unzip(t, ds.Data) {
		parts[e.Name] = string(e.Data)
	}
	sheet := parts["xl/worksheets/sheet1.xml"]
	for _, want := range []string{`state="frozen"`, `paperSize="9"`, `<f>SUM(H9:H16)</f>`, `[$-42A]#,##0`} {
		if !strings.Contains(sheet+parts["xl/styles.xml"], want) {
			t.Errorf("sheet lacks %s", want)
		}
	}
	if !strings.Contains(parts["xl/workbook.xml"], "_xlnm.Print_Titles") {
		t.Error("no print titles")
	}
	for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "DANH SÁCH", "CỤM THI ĐUA KHỐI HUYỆN"} {
		if !strings.Contains(sheet+parts["xl/sharedStrings.xml"], want) {
			t.Errorf("no %q above the table", want)
		}
	}
	if strings.Contains(parts["docProps/core.xml"], "2006-09-16") || !strings.Contains(parts["docProps/core.xml"], "thidua") {
		t.Errorf("document properties: %s", parts["docProps/core.xml"])
	}
}
