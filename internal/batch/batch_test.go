package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"thidua/internal/batch/synth"
	"thidua/internal/forms"
)

func templates(t testing.TB) *forms.Set {
	t.Helper()
	set, err := forms.LoadSet("")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// readManifest reads the manifest and checks that every file it lists
// is on disk with the size and sha256 it states.
func readManifest(t *testing.T, out string) *Summary {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	m := &Summary{}
	if err := json.Unmarshal(data, m); err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Files {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Name)))
		if err != nil {
			t.Errorf("manifest lists %s: %v", f.Name, err)
			continue
		}
		sum := sha256.Sum256(b)
		if int64(len(b)) != f.Size || hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("%s: %d bytes, sha256 %x; manifest says %d, %s", f.Name, len(b), sum, f.Size, f.SHA256)
		}
	}
	return m
}

// files lists every file under dir, relative, with "/".
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The two award samples make every paper of their articles; a second run
// touches nothing.
func TestSamples(t *testing.T) {
	out := t.TempDir()
	in := []string{"../../samples/hai-phong-khen-thuong-2023.toml", "../../samples/hong-linh-khen-thuong-2023.toml"}
	s := Run(context.Background(), in, Options{Out: out, Workers: 3, Templates: templates(t)})
	if !s.OK() {
		t.Fatalf("errors: %v", s.Errors)
	}
	want := []string{
		"hai-phong-khen-thuong-2023/bao-cao-thanh-tich-01-can-bo-va-nhan-dan-huyen-vinh-bao",
		"hai-phong-khen-thuong-2023/bao-cao-thanh-tich-08-can-bo-va-nhan-dan-huyen-bach-long-vi",
		"hai-phong-khen-thuong-2023/danh-sach-de-nghi-khen-thuong-2023",
		"hai-phong-khen-thuong-2023/to-trinh-01-co-thi-dua-cua-chinh-phu",
		"hai-phong-khen-thuong-2023/to-trinh-02-co-thi-dua-cua-uy-ban-nhan-dan-thanh-pho",
		"hai-phong-khen-thuong-2023/to-trinh-03-bang-khen-toan-dien-cua-chu-tich-uy-ban-nhan-dan-thanh-pho",
		"hai-phong-khen-thuong-2023/to-trinh-04-bang-khen-chuyen-de-cua-chu-tich-uy-ban-nhan-dan-thanh-pho",
		"hai-phong-khen-thuong-2023/tong-hop-tien-thuong-2023",
		"hong-linh-khen-thuong-2023/bao-cao-thanh-tich-03-ho-va-ten",
		"hong-linh-khen-thuong-2023/to-trinh-01-danh-hieu-chien-si-thi-dua-cap-tinh",
	}
	got := files(t, out)
	for _, w := range want {
		for _, ext := range []string{".docx", ".pdf"} {
			if !slices.Contains(got, w+ext) {
				t.Errorf("no %s%s among %v", w, ext, got)
			}
		}
	}
	// 8 reports, 4 submissions, a list and a summary; 3 reports, 1
	// submission, a list and a summary: two files each, and the manifest.
	if len(got) != 2*(14+6)+1 {
		t.Errorf("%d files, want 41", len(got))
	}
	m := readManifest(t, out)
	if len(m.Files) != 40 || len(m.Errors) != 0 || m.Interrupted || m.Records[0].Papers != 14 || m.Records[1].Papers != 6 {
		t.Errorf("manifest: %d files, errors %v, records %+v", len(m.Files), m.Errors, m.Records)
	}
	before, _ := os.Stat(filepath.Join(out, want[0]+".pdf"))
	time.Sleep(10 * time.Millisecond)
	s = Run(context.Background(), in, Options{Out: out, Templates: templates(t)})
	after, _ := os.Stat(filepath.Join(out, want[0]+".pdf"))
	if !s.OK() || s.Records[0].Unchanged != 28 || s.Records[0].Created+s.Records[0].Replaced != 0 || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("second run: %+v; modified %v -> %v", s.Records[0], before.ModTime(), after.ModTime())
	}
}

// One broken record and one bad nominee are reported with their
// positions; everything else is made.
func TestErrorsLeaveTheRestMade(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	good := filepath.Join(dir, "a-tot.toml")
	must(t, os.WriteFile(good, synth.Record(6, 1), 0o644))
	broken := filepath.Join(dir, "b-hong.toml")
	must(t, os.WriteFile(broken, []byte("[cum]\nten = Khối thi đua\n"), 0o644))
	// The third nominee of this record asks for an award no catalogue has.
	src := strings.Replace(string(synth.Record(6, 2)), "\n[[de_nghi]]\n", "\n[[de_nghi]]\n", 1)
	parts := strings.SplitAfter(src, "\n[[de_nghi]]\n")
	parts[3] = strings.Replace(parts[3], "hinh_thuc = \"", "hinh_thuc = \"huan-chuong-", 1)
	badNominee := filepath.Join(dir, "c-mot-nguoi-loi.toml")
	must(t, os.WriteFile(badNominee, []byte(strings.Join(parts, "")), 0o644))
	line := strings.Count(strings.Join(parts[:3], ""), "\n") + 1 + strings.Count(parts[3][:strings.Index(parts[3], "hinh_thuc =")], "\n")

	in, err := Inputs([]string{dir})
	if err != nil || len(in) != 3 {
		t.Fatalf("inputs %v, %v", in, err)
	}
	s := Run(context.Background(), in, Options{Out: out, Templates: templates(t)})
	if s.OK() || len(s.Errors) != 2 {
		t.Fatalf("errors: %v", s.Errors)
	}
	if e := s.Errors[0]; e.Record != broken || e.Line != 2 || e.Col != 7 || !strings.Contains(e.Message, "ngoặc kép") {
		t.Errorf("broken record: %s", e)
	}
	if e := s.Errors[1]; e.Record != badNominee || e.Line != line || e.Field != "de_nghi[3].hinh_thuc" || !strings.Contains(e.Message, "không có trong danh mục") {
		t.Errorf("bad nominee: %s, want line %d", e, line)
	}
	if r := s.Records[0]; r.Failed != 0 || r.Papers < 6+3 {
		t.Errorf("good record: %+v", r)
	}
	got := files(t, out)
	has := func(prefix string) bool {
		return slices.ContainsFunc(got, func(f string) bool { return strings.HasPrefix(f, prefix) })
	}
	switch {
	case has("b-hong/"):
		t.Error("a record that does not parse makes no file")
	case !has("c-mot-nguoi-loi/bao-cao-thanh-tich-02-") || !has("c-mot-nguoi-loi/bao-cao-thanh-tich-04-"):
		t.Errorf("the other nominees' reports are made: %v", got)
	case has("c-mot-nguoi-loi/bao-cao-thanh-tich-03-"):
		t.Error("the bad nominee gets no report")
	case has("c-mot-nguoi-loi/danh-sach") || has("c-mot-nguoi-loi/tong-hop"):
		t.Error("no list that would leave the bad nominee out")
	case !has("a-tot/danh-sach") || !has("a-tot/tong-hop"):
		t.Error("the good record is complete")
	}
	if m := readManifest(t, out); len(m.Errors) != 2 || m.Errors[1].Field != "de_nghi[3].hinh_thuc" {
		t.Errorf("manifest errors %v", m.Errors)
	}
}

// Whatever a record and its file are called, nothing is written outside
// the output folder, and every name is a plain, safe one.
func TestHostileNames(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "vao")
	out := filepath.Join(root, "ra", "trong")
	must(t, os.MkdirAll(dir, 0o755))
	// Nominee names: replace each generated name with a hostile one.
	names := []string{`../../../../etc/passwd`, `..`, `/tuyệt đối/x`, `C:\\Windows\\hệ thống`}
	parts := strings.SplitAfter(string(synth.Record(4, 3)), "\n[[de_nghi]]\n")
	for i := 1; i < len(parts); i++ {
		lines := strings.Split(parts[i], "\n")
		for j, l := range lines {
			if strings.HasPrefix(l, "ten = ") {
				lines[j] = "ten = \"" + names[i-1] + "\""
				break
			}
		}
		parts[i] = strings.Join(lines, "\n")
	}
	hostile := []string{"..toml", "...toml", "-.toml", "con.toml", " .toml", "ç∂∆.toml"}
	var in []string
	for _, h := range hostile {
		f := filepath.Join(dir, h)
		must(t, os.WriteFile(f, []byte(strings.Join(parts, "")), 0o644))
		in = append(in, f)
	}
	s := Run(context.Background(), in, Options{Out: out, Templates: templates(t)})
	if !s.OK() {
		t.Fatalf("errors: %v", s.Errors)
	}
	// Nothing new next to the output folder, the input folder untouched.
	if entries, _ := os.ReadDir(filepath.Join(root, "ra")); len(entries) != 1 {
		t.Errorf("the output's parent holds %d entries", len(entries))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != len(hostile) {
		t.Errorf("the input folder holds %d entries", len(entries))
	}
	if _, err := os.Stat("/etc/passwd.pdf"); err == nil {
		t.Fatal("wrote /etc/passwd.pdf")
	}
	got := files(t, out)
	dirs := map[string]bool{}
	for _, f := range got {
		if f == ManifestName {
			continue
		}
		parts := strings.Split(f, "/")
		if len(parts) != 2 {
			t.Errorf("%s is not <record>/<paper>", f)
			continue
		}
		dirs[parts[0]] = true
		for _, p := range parts {
			for _, r := range p {
				if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
					t.Errorf("%s holds %q", f, r)
				}
			}
			if strings.HasPrefix(p, ".") || strings.Contains(p, "..") {
				t.Errorf("%s: hidden or dotted name", f)
			}
		}
	}
	if len(dirs) != len(hostile) {
		t.Errorf("%d record folders for %d records: %v", len(dirs), len(hostile), dirs)
	}
}

// Stopping the run stops the taking of papers; what was written is whole
// and listed; a second run completes the rest.
func TestInterrupt(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	f := filepath.Join(dir, "lon.toml")
	must(t, os.WriteFile(f, synth.Record(200, 4), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	// The bar is drawn once the record is read, then every 100 ms: stop
	// at its second drawing, papers made but far from all.
	draws := 0
	stop := cancelWriter(func() {
		if draws++; draws == 2 {
			cancel()
		}
	})
	s := Run(ctx, []string{f}, Options{Out: out, Workers: 2, Templates: templates(t), Progress: stop})
	if !s.Interrupted || s.OK() {
		t.Fatalf("interrupted %v", s.Interrupted)
	}
	m := readManifest(t, out)
	total := s.Records[0].Papers * 2
	if !m.Interrupted || len(m.Files) == 0 || len(m.Files) >= total {
		t.Fatalf("manifest after a stop: interrupted %v, %d of %d files", m.Interrupted, len(m.Files), total)
	}
	if n := len(files(t, out)); n != len(m.Files)+1 {
		t.Errorf("%d files on disk, %d in the manifest", n, len(m.Files))
	}
	s = Run(context.Background(), []string{f}, Options{Out: out, Templates: templates(t)})
	if !s.OK() || len(s.Files) != total || s.Records[0].Unchanged != len(m.Files) {
		t.Errorf("second run: %+v, %d files", s.Records[0], len(s.Files))
	}
}

type cancelWriter func()

func (c cancelWriter) Write(p []byte) (int, error) {
	c()
	return len(p), nil
}

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.toml", "a.toml", "c.txt"} {
		must(t, os.WriteFile(filepath.Join(dir, n), nil, 0o644))
	}
	got, err := Inputs([]string{dir, "../../samples/hong-linh-2024.toml"})
	want := []string{filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml"), "../../samples/hong-linh-2024.toml"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Inputs = %v, %v; want %v", got, err, want)
	}
	if _, err := Inputs([]string{filepath.Join(dir, "khong-co")}); err == nil || !strings.Contains(err.Error(), "không có tệp hay thư mục này") {
		t.Errorf("missing input: %v", err)
	}
	empty := t.TempDir()
	if _, err := Inputs([]string{empty}); err == nil || !strings.Contains(err.Error(), "không có tệp hồ sơ .toml nào") {
		t.Errorf("empty folder: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A paper that fails for one nominee only (here a user's template) is
// reported at that nominee in the record; the others' papers are made.
func TestPaperErrorAtItsNominee(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	tpl := "+++\nten_loai = \"PHIẾU\"\nco_quan_ban_hanh = \"{{.khen_thuong.co_quan_de_nghi}}\"\nmoi = \"ho_so.ca_nhan\"\n" +
		"ten_tep = \"phieu-{{.muc.stt_ho_so}}\"\n+++\n{{if eq .muc.stt_ho_so 4}}{{.muc.khong_co}}{{end}}{{.muc.ten}}\n"
	must(t, os.WriteFile(filepath.Join(dir, "phieu.md"), []byte(tpl), 0o644))
	set, err := forms.LoadSet(dir)
	must(t, err)
	rec := filepath.Join(dir, "ho-so.toml")
	src := synth.Record(6, 8) // nominees 1, 2, 4, 5 are persons
	must(t, os.WriteFile(rec, src, 0o644))
	s := Run(context.Background(), []string{rec}, Options{Out: out, Templates: set, Papers: "phieu"})
	if len(s.Errors) != 1 {
		t.Fatalf("errors %v", s.Errors)
	}
	e := s.Errors[0]
	parts := strings.SplitAfter(string(src), "\n[[de_nghi]]\n")
	line := strings.Count(strings.Join(parts[:4], ""), "\n") // the line of the fourth [[de_nghi]]
	if e.Field != "de_nghi[4]" || e.Line != line || !strings.Contains(e.Message, "khong_co") {
		t.Errorf("error %s, want it at line %d, de_nghi[4]", e, line)
	}
	got := files(t, out)
	for _, n := range []string{"1", "2", "5"} {
		if !slices.Contains(got, "ho-so/phieu-"+n+".pdf") {
			t.Errorf("no paper for nominee %s: %v", n, got)
		}
	}
	if slices.Contains(got, "ho-so/phieu-4.pdf") {
		t.Error("the failing paper is not written")
	}
}

// A run killed while writing the manifest leaves its temporary file in
// the output folder itself, not in a record's folder: the next run
// removes it, as it removes those of the records' folders.
func TestAbandonedManifestTemporaryRemoved(t *testing.T) {
	out := t.TempDir()
	abandoned := []string{filepath.Join(out, ".thidua-tmp-123456"), filepath.Join(out, "hong-linh-khen-thuong-2023", ".thidua-tmp-654321")}
	for _, f := range abandoned {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(`{"files": [`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := Run(context.Background(), []string{"../../samples/hong-linh-khen-thuong-2023.toml"}, Options{Out: out, Templates: templates(t)})
	if !s.OK() {
		t.Fatalf("errors: %v", s.Errors)
	}
	for _, f := range abandoned {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s left after a complete run", f)
		}
	}
}
