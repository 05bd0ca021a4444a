package serve

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"thidua/internal/record"
	"thidua/internal/sheet"
	"thidua/internal/testkit"
)

const addr = "127.0.0.1:4321"

// fixture is a server on a copy of two samples.
type fixture struct {
	t   *testing.T
	dir string
	s   *Server
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"bac-trung-bo-2023.toml", "bac-trung-bo-tong-ket-2022.toml", "hai-phong-khen-thuong-2023.toml"} {
		b, err := os.ReadFile("../../samples/" + n)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	s, err := New(Config{Dir: dir, Addr: addr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return &fixture{t, dir, s}
}

// do sends a request as the page does (right host, token and origin)
// unless the request already says otherwise.
func (f *fixture) do(r *http.Request) *httptest.ResponseRecorder {
	if r.Host == "example.com" {
		r.Host = addr
	}
	if r.Method == http.MethodPost && r.Header.Get("X-Thidua-Token") == "" {
		r.Header.Set("X-Thidua-Token", f.s.Token())
		r.Header.Set("Origin", "http://"+addr)
	}
	w := httptest.NewRecorder()
	f.s.ServeHTTP(w, r)
	return w
}

func (f *fixture) get(url string) *httptest.ResponseRecorder {
	return f.do(httptest.NewRequest("GET", url, nil))
}

func (f *fixture) post(url string, body any) *httptest.ResponseRecorder {
	b, _ := json.Marshal(body)
	return f.do(httptest.NewRequest("POST", url, bytes.NewReader(b)))
}

// decode reads a JSON answer, failing unless its code is want.
func decode[T any](t *testing.T, w *httptest.ResponseRecorder, want int) T {
	t.Helper()
	var v T
	if w.Code != want {
		t.Fatalf("status %d, want %d: %s", w.Code, want, w.Body.String())
	}
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("not JSON: %v: %s", err, w.Body.String())
	}
	return v
}

type openedJSON struct {
	Name    string         `json:"ten"`
	Text    string         `json:"noi_dung"`
	Version string         `json:"phien_ban"`
	Errors  []fieldError   `json:"loi"`
	Values  map[string]any `json:"gia_tri"`
	Papers  []paperInfo    `json:"giay"`
	Check   string         `json:"kiem_tra"`
	Prizes  *prizes        `json:"tien_thuong"`
}

func (f *fixture) open(name string) openedJSON {
	f.t.Helper()
	return decode[openedJSON](f.t, f.get("/api/ho-so/"+name), 200)
}

func TestPageAndSchema(t *testing.T) {
	f := newFixture(t)
	w := f.get("/")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `content="`+f.s.Token()+`"`) || !strings.Contains(w.Body.String(), "Biểu mẫu") {
		t.Fatalf("page: %d %s", w.Code, w.Body.String())
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("no CSP: %q", csp)
	}
	for _, p := range []string{"/static/app.js", "/static/style.css"} {
		if w := f.get(p); w.Code != 200 || w.Body.Len() < 1000 {
			t.Errorf("%s: %d, %d bytes", p, w.Code, w.Body.Len())
		}
	}
	samples := decode[[]recordInfo](t, f.get("/api/mau"), 200)
	if len(samples) < 5 || !slices.ContainsFunc(samples, func(r recordInfo) bool { return strings.Contains(r.Title, "Bắc Trung Bộ") }) {
		t.Errorf("samples: %+v", samples)
	}
	schema := decode[[]map[string]any](t, f.get("/api/schema"), 200)
	if len(schema) < 10 || schema[1]["key"] != "thanh_vien" || schema[1]["type"] != "array-of-tables" {
		t.Errorf("schema: %v", schema[:2])
	}
}

func TestRefusals(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		name   string
		req    func() *http.Request
		status int
		says   string
	}{
		{"another host (DNS rebinding)", func() *http.Request {
			r := httptest.NewRequest("GET", "/api/ho-so", nil)
			r.Host = "evil.example:4321"
			return r
		}, http.StatusMisdirectedRequest, "không phải địa chỉ"},
		{"another port", func() *http.Request {
			r := httptest.NewRequest("GET", "/", nil)
			r.Host = "127.0.0.1:80"
			return r
		}, http.StatusMisdirectedRequest, ""},
		{"no token", func() *http.Request {
			r := httptest.NewRequest("POST", "/api/kiem-tra", strings.NewReader(`{}`))
			r.Header.Set("X-Thidua-Token", "x")
			return r
		}, http.StatusForbidden, "Thiếu mã của trang"},
		{"another origin", func() *http.Request {
			r := httptest.NewRequest("POST", "/api/luu/bac-trung-bo-2023.toml", strings.NewReader(`{}`))
			r.Header.Set("X-Thidua-Token", f.s.Token())
			r.Header.Set("Origin", "http://evil.example")
			return r
		}, http.StatusForbidden, "trang khác"},
		{"path out of the folder", func() *http.Request {
			return httptest.NewRequest("GET", "/api/ho-so/..%2Fetc%2Fpasswd.toml", nil)
		}, http.StatusNotFound, "không dùng được"},
		{"not a record", func() *http.Request { return httptest.NewRequest("GET", "/api/ho-so/passwd", nil) }, http.StatusNotFound, "đuôi .toml"},
		{"missing record", func() *http.Request { return httptest.NewRequest("GET", "/api/ho-so/khong-co.toml", nil) }, http.StatusNotFound, "không có trong thư mục"},
		{"too large", func() *http.Request {
			return httptest.NewRequest("POST", "/api/kiem-tra", strings.NewReader(`{"noi_dung":"`+strings.Repeat("a", int(f.s.limits.request)+10)+`"}`))
		}, http.StatusRequestEntityTooLarge, "quá lớn"},
		{"save a record thidua could not read back", func() *http.Request {
			big := strings.Repeat("# x\n", int(f.s.limits.text)/4+1)
			return httptest.NewRequest("POST", "/api/luu/lon.toml", strings.NewReader(`{"noi_dung":"`+strings.ReplaceAll(big, "\n", `\n`)+`"}`))
		}, http.StatusRequestEntityTooLarge, "quá giới hạn"},
		{"save under a bad name", func() *http.Request {
			return httptest.NewRequest("POST", "/api/luu/.hidden.toml", strings.NewReader(`{}`))
		}, http.StatusBadRequest, "dấu chấm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.req()
			if r.Host == "example.com" {
				r.Host = addr
			}
			if r.Method == "POST" && r.Header.Get("X-Thidua-Token") == "" {
				r.Header.Set("X-Thidua-Token", f.s.Token())
			}
			w := httptest.NewRecorder()
			f.s.ServeHTTP(w, r)
			if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.says) {
				t.Errorf("got %d %s, want %d saying %q", w.Code, w.Body.String(), tc.status, tc.says)
			}
		})
	}
}

func TestSymlinkOutOfFolder(t *testing.T) {
	f := newFixture(t)
	outside := filepath.Join(t.TempDir(), "bi-mat.toml")
	os.WriteFile(outside, []byte("[cum]\nten = \"bí mật\"\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(f.dir, "lien-ket.toml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	os.Mkdir(filepath.Join(f.dir, "thu-muc.toml"), 0o755)
	list := decode[[]recordInfo](t, f.get("/api/ho-so"), 200)
	if len(list) != 3 || list[0].Name != "bac-trung-bo-2023.toml" || !strings.Contains(list[0].Title, "năm 2023, ký kết giao ước") {
		t.Errorf("list: %+v", list)
	}
	if w := f.get("/api/ho-so/lien-ket.toml"); w.Code != 404 || strings.Contains(w.Body.String(), "bí mật") {
		t.Errorf("symlink opened: %d %s", w.Code, w.Body.String())
	}
}

func TestPassword(t *testing.T) {
	if _, err := New(Config{Dir: t.TempDir(), Addr: "0.0.0.0:8080"}); err == nil || !strings.Contains(err.Error(), "--mat-khau") {
		t.Fatalf("LAN address without a password: %v", err)
	}
	s, err := New(Config{Dir: t.TempDir(), Addr: "0.0.0.0:8080", Password: "bí mật"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		host, pw string
		status   int
	}{
		{"192.168.1.5:8080", "", 401},
		{"192.168.1.5:8080", "sai", 401},
		{"192.168.1.5:8080", "bí mật", 200},
		{"nha-toi.example:8080", "bí mật", http.StatusMisdirectedRequest},
	} {
		r := httptest.NewRequest("GET", "/api/schema", nil)
		r.Host = tc.host
		if tc.pw != "" {
			r.SetBasicAuth("van-thu", tc.pw)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != tc.status {
			t.Errorf("%s with %q: %d, want %d", tc.host, tc.pw, w.Code, tc.status)
		}
	}
}

type editAnswer struct {
	Text   string       `json:"noi_dung"`
	Errors []fieldError `json:"loi"`
	Papers []paperInfo  `json:"giay"`
	PDF    []byte       `json:"pdf"`
}

func TestEditCheckSave(t *testing.T) {
	f := newFixture(t)
	name := "bac-trung-bo-2023.toml"
	o := f.open(name)
	if len(o.Errors) != 0 || len(o.Papers) != 1 || o.Papers[0].Name != "giao-uoc" || o.Values["phien"].(map[string]any)["ngay"] != "14/03/2023" {
		t.Fatalf("opened: %+v %+v", o.Errors, o.Papers)
	}
	// A head's new name: one line of the file changes, and the answer
	// brings the paper the preview shows.
	a := decode[editAnswer](t, f.post("/api/sua", map[string]any{"ten": name, "noi_dung": o.Text, "giay": "giao-uoc",
		"thay_doi": []change{{Op: "dat", Path: "thanh_vien[1].thu_truong.ho_ten", Value: "Đỗ Trọng Hưng"}}}), 200)
	if !bytes.HasPrefix(a.PDF, []byte("%PDF")) {
		t.Errorf("no preview in the answer")
	} else if testkit.Need(t, "pdftotext"); !strings.Contains(pdfText(t, a.PDF), "Đỗ Trọng Hưng") {
		t.Errorf("the preview lacks the new head")
	}
	if len(a.Errors) != 0 || strings.Count(a.Text, "\n") != strings.Count(o.Text, "\n") || !strings.Contains(a.Text, `ho_ten = "Đỗ Trọng Hưng"`) ||
		strings.Replace(o.Text, `ho_ten = "(Họ và tên)"`, `ho_ten = "Đỗ Trọng Hưng"`, 1) != a.Text {
		t.Fatalf("edit: %+v\n%s", a.Errors, a.Text)
	}
	// An impossible date: the decoder's message, at the date's path.
	bad := decode[editAnswer](t, f.post("/api/sua", map[string]any{"ten": name, "noi_dung": a.Text, "giay": "giao-uoc",
		"thay_doi": []change{{Op: "dat", Path: "phien.ngay", Value: "31/02/2023"}}}), 200)
	if len(bad.Errors) != 1 || bad.Errors[0].Path != "phien.ngay" || !strings.Contains(bad.Errors[0].Msg, "không có thật") || bad.Errors[0].Hint == "" || len(bad.Papers) != 0 || bad.PDF != nil {
		t.Fatalf("bad date: %+v", bad.Errors)
	}
	// Fixed with the calendar's form of a date.
	good := decode[editAnswer](t, f.post("/api/sua", map[string]any{"ten": name, "noi_dung": bad.Text,
		"thay_doi": []change{{Op: "dat", Path: "phien.ngay", Value: "2023-03-15"}}}), 200)
	if len(good.Errors) != 0 || !strings.Contains(good.Text, "ngay = 2023-03-15") {
		t.Fatalf("fixed date: %+v", good.Errors)
	}
	// Save: the file is the text, the old one is the .bak.
	saved := decode[map[string]string](t, f.post("/api/luu/"+name, saveRequest{Text: good.Text, Version: o.Version}), 200)
	disk, _ := os.ReadFile(filepath.Join(f.dir, name))
	bak, _ := os.ReadFile(filepath.Join(f.dir, name+".bak"))
	if string(disk) != good.Text || string(bak) != o.Text || saved["phien_ban"] == o.Version {
		t.Fatalf("save: file or .bak wrong")
	}
	// A second page still holding the first version is refused, and the
	// file keeps the first save.
	w := f.post("/api/luu/"+name, saveRequest{Text: o.Text + "# khác\n", Version: o.Version})
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "đã được sửa ở nơi khác") {
		t.Fatalf("stale save: %d %s", w.Code, w.Body.String())
	}
	if disk2, _ := os.ReadFile(filepath.Join(f.dir, name)); string(disk2) != good.Text {
		t.Error("a refused save changed the file")
	}
	// Reopened, the record is the edited one, and makes the same paper.
	r := f.open(name)
	if r.Text != good.Text || !strings.Contains(r.Text, "Đỗ Trọng Hưng") {
		t.Error("reopened record is not the saved one")
	}
	before := f.post("/api/giay", paperRequest{Name: name, Text: good.Text, Paper: "giao-uoc", Format: "docx"})
	after := f.post("/api/giay", paperRequest{Name: name, Text: r.Text, Paper: "giao-uoc", Format: "docx"})
	if before.Code != 200 || !bytes.Equal(before.Body.Bytes(), after.Body.Bytes()) {
		t.Error("the saved and reopened record makes another paper")
	}
}

func TestEditItems(t *testing.T) {
	f := newFixture(t)
	o := f.open("bac-trung-bo-2023.toml")
	a := decode[editAnswer](t, f.post("/api/sua", map[string]any{"noi_dung": o.Text, "thay_doi": []change{
		{Op: "them", Path: "thanh_vien"},
		{Op: "dat", Path: "thanh_vien[7].id", Value: "ha-noi"},
		{Op: "chuyen", Path: "thanh_vien[7]", At: 1},
		{Op: "dat", Path: "giao_uoc.noi_dung", Value: []any{"Nội dung một", "", "Nội dung hai"}},
		{Op: "dat", Path: "giao_uoc.so", Value: "abc"},
	}}), 200)
	paths := map[string]bool{}
	for _, e := range a.Errors {
		paths[e.Path] = true
	}
	// The new member's head, which the pledge prints, is asked for once
	// the record decodes (record.Need), as thidua render does.
	for _, p := range []string{"thanh_vien[1].ten", "giao_uoc.so"} {
		if !paths[p] {
			t.Errorf("no error at %s: %+v", p, a.Errors)
		}
	}
	if !strings.Contains(a.Text, "noi_dung = [\n  \"Nội dung một\",\n  \"Nội dung hai\",\n]") || strings.Index(a.Text, `id = "ha-noi"`) > strings.Index(a.Text, `id = "thanh-hoa"`) {
		t.Errorf("text:\n%s", a.Text)
	}
	if w := f.post("/api/sua", map[string]any{"noi_dung": "[cum\n", "thay_doi": []change{{Op: "dat", Path: "cum.ten", Value: "x"}}}); w.Code != 422 || !strings.Contains(w.Body.String(), "lỗi cú pháp") {
		t.Errorf("edit of invalid TOML: %d %s", w.Code, w.Body.String())
	}
	if w := f.post("/api/sua", map[string]any{"noi_dung": o.Text, "thay_doi": []change{{Op: "dat", Path: "cum.khong_co", Value: "x"}}}); w.Code != 422 {
		t.Errorf("unknown key: %d", w.Code)
	}
}

// A text that is not TOML: its syntax error, positioned; no values, so
// the page shows the raw tab only.
func TestCheckSyntaxError(t *testing.T) {
	f := newFixture(t)
	a := decode[openedJSON](t, f.post("/api/kiem-tra", map[string]string{"ten": "r.toml", "noi_dung": "[cum]\nten = Cụm thi đua\n"}), 200)
	if a.Values != nil || len(a.Errors) != 1 || a.Errors[0].Line != 2 || a.Errors[0].Col != 7 || !strings.Contains(a.Errors[0].Hint, `ten = "Cụm thi đua"`) {
		t.Errorf("syntax error: %+v", a)
	}
}

// The form shows numbers and dates the Vietnamese way, and reads them so.
func TestNumbersAndDates(t *testing.T) {
	f := newFixture(t)
	o := f.open("bac-trung-bo-tong-ket-2022.toml")
	ind := o.Values["chi_tieu"].([]any)[1].(map[string]any)
	score := o.Values["diem"].([]any)[0].(map[string]any)["cum_cham"].(map[string]any)
	if ind["ke_hoach"] != "8" || ind["thuc_hien"] != "8,5" || score["1.1"] != "142" || o.Values["cum"].(map[string]any)["nam"] != float64(2022) {
		t.Errorf("shown: %v %v", ind, score)
	}
	a := decode[editAnswer](t, f.post("/api/sua", map[string]any{"noi_dung": o.Text, "thay_doi": []change{
		{Op: "dat", Path: "chi_tieu[2].ke_hoach", Value: "18.500"},
		{Op: "dat", Path: "chi_tieu[2].thuc_hien", Value: "20.100,5"},
		{Op: "dat", Path: `diem[1].cum_cham."1.1"`, Value: "141"},
		{Op: "dat", Path: "bao_cao.ngay", Value: "5/3/2023"},
	}}), 200)
	for _, want := range []string{`ke_hoach = "18.500"`, `thuc_hien = "20.100,5"`, `"1.1" = 141`, "ngay = 2023-03-05"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %s", want)
		}
	}
	if len(a.Errors) != 0 {
		t.Errorf("errors: %+v", a.Errors)
	}
	// "92.58" is not a Vietnamese number: the decoder says so at the input.
	a = decode[editAnswer](t, f.post("/api/sua", map[string]any{"noi_dung": o.Text, "thay_doi": []change{{Op: "dat", Path: "chi_tieu[2].ke_hoach", Value: "92.58"}}}), 200)
	if len(a.Errors) != 1 || a.Errors[0].Path != "chi_tieu[2].ke_hoach" || !strings.Contains(a.Errors[0].Msg, "hàng nghìn") {
		t.Errorf("92.58: %+v", a.Errors)
	}
}

func TestCheckShowsTally(t *testing.T) {
	f := newFixture(t)
	// What thidua check prints: ranks, vote ratios, % of plan.
	o := f.open("bac-trung-bo-tong-ket-2022.toml")
	if len(o.Errors) != 0 || !strings.Contains(o.Check, "%") || !strings.Contains(o.Check, "XẾP HẠNG") {
		t.Fatalf("check: %+v\n%s", o.Errors, o.Check)
	}
	// The prize money of the award proposals.
	o = f.open("hai-phong-khen-thuong-2023.toml")
	if len(o.Errors) != 0 || o.Prizes == nil || len(o.Prizes.Entries) == 0 || o.Prizes.Total == nil {
		t.Fatalf("prizes: %+v\n%+v", o.Errors, o.Prizes)
	}
	// Papers made per nominee are listed by name.
	for _, p := range o.Papers {
		if strings.HasPrefix(p.Name, "bao-cao-thanh-tich") && len(p.Items) == 0 {
			t.Errorf("%s lists no nominee", p.Name)
		}
	}
}

func TestPapers(t *testing.T) {
	f := newFixture(t)
	o := f.open("bac-trung-bo-2023.toml")
	w := f.post("/api/giay", paperRequest{Name: "x.toml", Text: strings.Replace(o.Text, `ho_ten = "Nguyễn Đức Trung"`, `ho_ten = "Phan Văn Mới"`, 1), Paper: "giao-uoc", Format: "pdf"})
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(w.Body.Bytes(), []byte("%PDF")) {
		t.Fatalf("pdf: %d %s", w.Code, w.Header())
	}
	testkit.Need(t, "pdftotext")
	pdf := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(pdf, w.Body.Bytes(), 0o644)
	if text := testkit.Text(t, pdf); !strings.Contains(text, "Phan Văn Mới") || !strings.Contains(text, "BẢN GIAO ƯỚC THI ĐUA") {
		t.Errorf("preview text:\n%s", text)
	}
	w = f.post("/api/giay", paperRequest{Text: o.Text, Paper: "giao-uoc", Format: "docx"})
	if w.Code != 200 || !strings.Contains(testkit.DOCXText(t, w.Body.Bytes()), "Nguyễn Đức Trung") {
		t.Fatalf("docx: %d", w.Code)
	}
	if w := f.post("/api/giay", paperRequest{Text: o.Text, Paper: "to-trinh"}); w.Code != 422 {
		t.Errorf("paper the record cannot make: %d", w.Code)
	}
	w = f.post("/api/tat-ca", paperRequest{Name: "bac-trung-bo-2023.toml", Text: o.Text})
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Disposition"), "bac-trung-bo-2023.zip") {
		t.Fatalf("zip: %d %v", w.Code, w.Header())
	}
	var names []string
	for _, e := range testkit.Unzip(t, w.Body.Bytes()) {
		names = append(names, e.Name)
	}
	if len(names) != 2 || !strings.HasSuffix(names[0], ".docx") || !strings.HasSuffix(names[1], ".pdf") {
		t.Errorf("zip holds %v", names)
	}
	// An award dossier: every paper, one report per nominee, in both formats.
	o = f.open("hai-phong-khen-thuong-2023.toml")
	want := 2 // and the two tables' spreadsheets, below
	for _, p := range o.Papers {
		want += 2 * max(1, len(p.Items))
	}
	w = f.post("/api/tat-ca", paperRequest{Name: "k.toml", Text: o.Text})
	seen := map[string][]byte{}
	for _, e := range testkit.Unzip(t, w.Body.Bytes()) {
		if seen[e.Name] != nil || len(e.Data) == 0 {
			t.Errorf("%s twice or empty", e.Name)
		}
		seen[e.Name] = e.Data
	}
	if want < 12 || len(seen) != want {
		t.Errorf("award dossier .zip holds %d files, want %d", len(seen), want)
	}
	// The spreadsheets are those of thidua render --dinh-dang xlsx, by the
	// same names, beside the DOCX and PDF of their paper; the list reads
	// back into the record's nominees.
	for _, name := range []string{"danh-sach-de-nghi-khen-thuong-2023", "tong-hop-tien-thuong-2023"} {
		for _, ext := range []string{".docx", ".pdf", ".xlsx"} {
			if seen[name+ext] == nil {
				t.Errorf("no %s%s in the .zip of every paper", name, ext)
			}
		}
	}
	rec, err := record.Parse("k.toml", []byte(o.Text))
	if err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(t.TempDir(), "danh-sach.xlsx")
	os.WriteFile(xlsx, seen["danh-sach-de-nghi-khen-thuong-2023.xlsx"], 0o644)
	imp, err := sheet.Read(sheet.Options{Into: rec}, xlsx)
	if err != nil {
		t.Fatalf("the list from the .zip does not read back: %v", err)
	}
	rows := -1
	for _, sec := range imp.Sections {
		if sec.Path == "de_nghi" {
			rows = sec.Rows
		}
	}
	if rows != len(rec.Nominees) || rows < 5 {
		t.Errorf("the list from the .zip has %d nominees, the record %d", rows, len(rec.Nominees))
	}
	// A paper without a table has no spreadsheet.
	for name := range seen {
		if strings.HasSuffix(name, ".xlsx") && !strings.HasPrefix(name, "danh-sach-") && !strings.HasPrefix(name, "tong-hop-") {
			t.Errorf("%s: a spreadsheet of a paper without tables", name)
		}
	}
}

func TestCreate(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		name, from string
		status     int
	}{
		{"mau", "mau:hong-linh-2024.toml", 201},
		{"trong-ky-ket", "trong:ky-ket", 201},
		{"trong-tong-ket.toml", "trong:tong-ket", 201},
		{"nam-sau", "nam-sau:bac-trung-bo-2023.toml", 201},
		{"bac-trung-bo-2023", "trong:ky-ket", http.StatusConflict},
		{"../ra-ngoai", "trong:ky-ket", http.StatusBadRequest},
		{"x", "trong:khac", http.StatusBadRequest},
		{"y", "mau:../../go.mod", http.StatusBadRequest},
	} {
		w := f.post("/api/tao", createRequest{Name: tc.name, From: tc.from})
		if w.Code != tc.status {
			t.Errorf("%s from %s: %d %s", tc.name, tc.from, w.Code, w.Body.String())
		}
	}
	// Saved under another name: the page's text as it is.
	text := "# bản sửa\n" + f.open("bac-trung-bo-2023.toml").Text
	made := decode[map[string]string](t, f.post("/api/tao", createRequest{Name: "ban-sua.toml", Text: text}), 201)
	if o := f.open("ban-sua.toml"); o.Text != text || o.Version != made["phien_ban"] {
		t.Errorf("saved as: %q, version %s", o.Text[:20], made["phien_ban"])
	}
	if w := f.post("/api/tao", createRequest{Name: "rong.toml"}); w.Code != http.StatusBadRequest {
		t.Errorf("created from nothing: %d", w.Code)
	}
	if o := f.open("mau.toml"); len(o.Errors) != 0 || len(o.Papers) == 0 {
		t.Errorf("from a sample: %+v", o.Errors)
	}
	for _, n := range []string{"trong-ky-ket.toml", "trong-tong-ket.toml"} {
		o := f.open(n)
		if o.Values == nil || len(o.Errors) < 5 {
			t.Errorf("%s: a blank record is valid TOML listing what to fill: %d errors", n, len(o.Errors))
		}
		for _, e := range o.Errors {
			if e.Path == "" || e.Hint == "" {
				t.Errorf("%s: error without a field or hint: %+v", n, e)
			}
		}
	}
	o := f.open("nam-sau.toml")
	var missing bool
	for _, e := range o.Errors {
		missing = missing || e.Path == "phien.ngay"
	}
	if o.Values["cum"].(map[string]any)["nam"] != float64(2024) || !missing || strings.Contains(o.Text, "năm 2023\"") ||
		!strings.Contains(o.Text, "# HỒ SƠ MẪU: ký kết giao ước thi đua năm 2023") {
		t.Errorf("next year: %+v\n%s", o.Errors, o.Text)
	}
}

// readEvents reads server-sent events until "xong".
func readEvents(t *testing.T, body io.Reader) (progress int, last string) {
	sc := bufio.NewScanner(body)
	sc.Buffer(nil, 1<<20)
	event := ""
	for sc.Scan() {
		line := sc.Text()
		if e, ok := strings.CutPrefix(line, "event: "); ok {
			event = e
		}
		if d, ok := strings.CutPrefix(line, "data: "); ok {
			if event == "tien-do" {
				progress++
			}
			if event == "xong" {
				return progress, d
			}
		}
	}
	t.Fatal("no xong event")
	return
}

func TestBatch(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.s)
	defer srv.Close()
	// The server answers its own address only.
	s, err := New(Config{Dir: f.dir, Addr: srv.Listener.Addr().String()})
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = s
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	a, _ := os.ReadFile("../../samples/bac-trung-bo-2023.toml")
	part, _ := mw.CreateFormFile("tep", "thu-muc/bac-trung-bo-2023.toml")
	part.Write(a)
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	for _, n := range []string{"hong-linh-2024.toml", "hai-phong-khoi-huyen-2024.toml"} {
		b, _ := os.ReadFile("../../samples/" + n)
		w, _ := zw.Create("ho-so/" + n)
		w.Write(b)
	}
	w, _ := zw.Create("../../ngoai.toml")
	w.Write([]byte("[cum]\n"))
	zw.Create("doc-thu.txt")
	zw.Close()
	part, _ = mw.CreateFormFile("tep", "ho-so.zip")
	part.Write(z.Bytes())
	mw.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/api/hang-loat", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("X-Thidua-Token", s.Token())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var started struct {
		ID      string `json:"id"`
		Records int    `json:"so_ho_so"`
	}
	json.NewDecoder(res.Body).Decode(&started)
	res.Body.Close()
	if res.StatusCode != 202 || started.Records != 4 {
		t.Fatalf("start: %d %+v", res.StatusCode, started)
	}
	ev, err := http.Get(srv.URL + "/api/hang-loat/" + started.ID)
	if err != nil {
		t.Fatal(err)
	}
	n, done := readEvents(t, ev.Body)
	ev.Body.Close()
	var sum struct {
		Files  []struct{ Ten string } `json:"tep"`
		Errors []struct{ Loi string } `json:"loi"`
	}
	json.Unmarshal([]byte(done), &sum)
	if n < 1 || len(sum.Files) != 6 || len(sum.Errors) != 4 || strings.Contains(done, os.TempDir()) {
		t.Fatalf("events %d, summary %s", n, done)
	}
	for _, u := range []string{"/api/hang-loat/99", "/api/hang-loat/99/tai"} {
		if res, err := http.Get(srv.URL + u); err != nil || res.StatusCode != 404 {
			t.Errorf("%s: %v %v", u, err, res.StatusCode)
		}
	}
	zr, err := http.Get(srv.URL + "/api/hang-loat/" + started.ID + "/tai")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(zr.Body)
	zr.Body.Close()
	names := map[string]bool{}
	for _, e := range testkit.Unzip(t, data) {
		names[e.Name] = true
	}
	if !names["manifest.json"] || len(names) != len(sum.Files)+1 {
		t.Errorf("zip holds %v", names)
	}
}

func TestFill(t *testing.T) {
	f := newFixture(t)
	form, err := os.ReadFile("../../samples/forms/dang-ky-giao-uoc.docx")
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := os.ReadFile("../../samples/bac-trung-bo-2023.toml")
	send := func(form []byte, text string) *httptest.ResponseRecorder {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		p, _ := mw.CreateFormFile("mau", "dang-ky.docx")
		p.Write(form)
		mw.WriteField("ten", "r.toml")
		mw.WriteField("noi_dung", text)
		mw.Close()
		r := httptest.NewRequest("POST", "/api/dien", &body)
		r.Header.Set("Content-Type", mw.FormDataContentType())
		return f.do(r)
	}
	w := send(form, string(rec))
	if w.Code != 200 || !strings.Contains(testkit.DOCXText(t, w.Body.Bytes()), "Cụm thi đua các tỉnh Bắc Trung Bộ") {
		t.Fatalf("fill: %d %s", w.Code, w.Body.String())
	}
	if w := send([]byte("không phải docx"), string(rec)); w.Code != 422 || !regexp.MustCompile(`chưa điền được`).MatchString(w.Body.String()) {
		t.Errorf("bad form: %d %s", w.Code, w.Body.String())
	}
}

// The page asks for what the record's papers print, as thidua render does:
// a pledge on the mid-year sample needs every member's head.
func TestPagePerPaperRequirements(t *testing.T) {
	f := newFixture(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", "an-binh-so-ket-6-thang-2025.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if a := f.s.analyse("r.toml", string(data), nil); len(a.Errors) != 0 {
		t.Fatalf("the sample has errors: %+v", a.Errors)
	}
	pledge := "[giao_uoc]\nky_hieu = \"GƯTĐ-CTĐ2\"\nngay = 2025-01-15\nmuc_dich = [\"Thi đua.\"]\nnoi_dung = [\"Hoàn thành nhiệm vụ.\"]\n\n[bao_cao]"
	a := f.s.analyse("r.toml", strings.Replace(string(data), "[bao_cao]", pledge, 1), nil)
	if len(a.Errors) != 5 || a.Errors[0].Path != "thanh_vien[1].thu_truong" || !strings.Contains(a.Errors[0].Msg, "giấy giao-uoc cần thu_truong") {
		t.Errorf("errors: %+v", a.Errors)
	}
}

type lackAnswer struct {
	Text     string       `json:"noi_dung"`
	Errors   []fieldError `json:"loi"`
	Sections []string     `json:"giay_co_phan"`
	Lacking  []fieldError `json:"thieu"`
}

// The page learns which papers print a field from the schema's need
// tags, names those papers as the clerk knows them, and is told what the
// papers the clerk chose still lack before any paper is asked for.
func TestPapersAField(t *testing.T) {
	f := newFixture(t)
	tpls := decode[[]templateInfo](t, f.get("/api/giay-mau"), 200)
	short := map[string]string{}
	for _, ti := range tpls {
		short[ti.Name] = ti.Short
	}
	if short["giao-uoc"] != "Bản giao ước thi đua" || short["bien-ban-hoi-nghi"] != "Biên bản hội nghị" || len(tpls) < 9 {
		t.Errorf("templates: %+v", tpls)
	}
	// Every paper a need tag names is one the page can name.
	needs := 0
	var walk func([]record.Key)
	walk = func(keys []record.Key) {
		for _, k := range keys {
			for _, n := range k.Need {
				needs++
				if short[n] == "" {
					t.Errorf("%s: need names %q, which is no paper", k.Path, n)
				}
			}
			walk(k.Keys)
		}
	}
	walk(decode[[]record.Key](t, f.get("/api/schema"), 200))
	if needs < 3 {
		t.Errorf("only %d need tags in the schema", needs)
	}

	name := "bac-trung-bo-2023.toml"
	o := f.open(name)
	edit := func(text string, chosen []string, changes ...change) lackAnswer {
		t.Helper()
		body := map[string]any{"ten": name, "noi_dung": text, "thay_doi": changes}
		if chosen != nil {
			body["giay_chon"] = chosen
		}
		return decode[lackAnswer](t, f.post("/api/sua", body), 200)
	}
	// A pledge's meeting place is not printed by the pledge: without it,
	// nothing is wrong with the pledge alone...
	noPlace := edit(o.Text, nil, change{Op: "xoa", Path: "phien.dia_diem"})
	if len(noPlace.Errors) != 0 || len(noPlace.Lacking) != 0 || !slices.Equal(noPlace.Sections, []string{"giao-uoc"}) {
		t.Fatalf("pledge without a place: %+v %+v %v", noPlace.Errors, noPlace.Lacking, noPlace.Sections)
	}
	// ...but the clerk who means to print the minutes too is told, at the
	// field, which chosen papers print it; still no error.
	a := edit(noPlace.Text, []string{"giao-uoc", "bien-ban-hoi-nghi", "bien-ban-binh-xet", "khong-co"})
	if len(a.Errors) != 0 || len(a.Lacking) != 1 || a.Lacking[0].Path != "phien.dia_diem" ||
		!slices.Equal(a.Lacking[0].Papers, []string{"bien-ban-hoi-nghi", "bien-ban-binh-xet"}) || a.Lacking[0].Hint == "" || a.Lacking[0].Line == 0 {
		t.Fatalf("lacking for the minutes: %+v %+v", a.Errors, a.Lacking)
	}
	// What the record's own papers lack stays an error, not told twice.
	b := edit(noPlace.Text, []string{"giao-uoc", "bien-ban-hoi-nghi"}, change{Op: "xoa", Path: "thanh_vien[2].thu_truong"})
	if len(b.Errors) != 1 || b.Errors[0].Path != "thanh_vien[2].thu_truong" || len(b.Lacking) != 1 || b.Lacking[0].Path != "phien.dia_diem" {
		t.Fatalf("errors %+v, lacking %+v", b.Errors, b.Lacking)
	}
	// Given the place, nothing lacks.
	c := edit(noPlace.Text, []string{"bien-ban-hoi-nghi"}, change{Op: "dat", Path: "phien.dia_diem", Value: "Thành phố Vinh"})
	if len(c.Errors) != 0 || len(c.Lacking) != 0 {
		t.Fatalf("with the place: %+v %+v", c.Errors, c.Lacking)
	}
	// A year-end record, whose papers do not print the heads: choosing the
	// pledge too says which member's head it lacks, as thidua render
	// --giay giao-uoc would.
	name = "bac-trung-bo-tong-ket-2022.toml"
	r := f.open(name)
	d := edit(r.Text, []string{"bao-cao", "giao-uoc"}, change{Op: "xoa", Path: "thanh_vien[3].thu_truong"})
	if len(d.Errors) != 0 || slices.Contains(d.Sections, "giao-uoc") || len(d.Lacking) != 1 || d.Lacking[0].Path != "thanh_vien[3].thu_truong" ||
		!slices.Equal(d.Lacking[0].Papers, []string{"giao-uoc"}) || !strings.Contains(d.Lacking[0].Msg, "thành viên thứ 3") {
		t.Fatalf("a year-end record with the pledge chosen: %+v %+v %v", d.Errors, d.Lacking, d.Sections)
	}
}
