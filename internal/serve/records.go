package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"thidua/internal/input"
	"thidua/internal/output"
	"thidua/internal/record"
	"thidua/internal/tomledit"
	"thidua/internal/tomlguard"
	"thidua/samples"
)

// recordInfo is one record of the folder in the list.
type recordInfo struct {
	Name  string `json:"ten"`
	Title string `json:"tieu_de"` // cluster, year and kind, when the file says them
	Size  int64  `json:"kich_thuoc"`
}

// readRecord reads a plain file directly in the served folder; through
// os.Root, so that no symlink leads out of it.
func (s *Server) readRecord(name string) ([]byte, error) {
	if err := safeName(name); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(s.cfg.Dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	info, err := root.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s không phải tệp thường (lối tắt, thư mục...): thidua serve chỉ mở tệp nằm ngay trong thư mục", name)
	}
	if info.Size() > s.limits.text {
		return nil, fmt.Errorf("%s lớn %s, quá giới hạn %s của %s (đổi bằng biến môi trường %s)", name,
			input.FormatSize(info.Size()), input.FormatSize(s.limits.text), input.Text.What, input.Text.Env)
	}
	return root.ReadFile(name)
}

// version names a content, so that a save can tell whether the file
// changed since the page read it.
func version(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	entries, err := os.ReadDir(s.cfg.Dir)
	if err != nil {
		fail(w, http.StatusInternalServerError, "Không đọc được thư mục hồ sơ: %v", err)
		return
	}
	out := []recordInfo{}
	for _, e := range entries {
		if !e.Type().IsRegular() || safeName(e.Name()) != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		ri := recordInfo{Name: e.Name(), Size: info.Size()}
		if data, err := s.readRecord(e.Name()); err == nil {
			ri.Title = title(data)
		}
		out = append(out, ri)
	}
	writeJSON(w, http.StatusOK, out)
}

// title says what a record is about: "Cụm thi đua ... — 2023 — ký kết".
func title(data []byte) string {
	var v struct {
		Cum   struct{ Ten, Nam any }
		Phien struct{ Loai string }
	}
	if _, err := decodeTOML(string(data), &v); err != nil {
		return ""
	}
	var parts []string
	if s, ok := v.Cum.Ten.(string); ok && s != "" {
		parts = append(parts, s)
	}
	if n, ok := v.Cum.Nam.(int64); ok {
		parts = append(parts, fmt.Sprint("năm ", n))
	}
	if k := kindWords[v.Phien.Loai]; k != "" {
		parts = append(parts, k)
	}
	return strings.Join(parts, ", ")
}

// decodeTOML decodes a text from the page or the folder, refusing first
// a shape that would make the decoder slow, as records are (tomlguard).
func decodeTOML(text string, v any) (toml.MetaData, error) {
	if p := tomlguard.Check(text); p != nil {
		return toml.MetaData{}, p
	}
	return toml.Decode(text, v)
}

// kindWords names the session kinds.
var kindWords = map[string]string{
	record.KindSigning: "ký kết giao ước",
	record.KindMidYear: "sơ kết 6 tháng",
	record.KindYearEnd: "tổng kết năm",
}

// opened is a record as the page opens it.
type opened struct {
	Name    string `json:"ten"`
	Text    string `json:"noi_dung"`
	Version string `json:"phien_ban"`
	*analysis
}

func (s *Server) open(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("ten")
	data, err := s.readRecord(name)
	if err != nil {
		fail(w, http.StatusNotFound, "Không mở được %s: %v", name, readProblem(err))
		return
	}
	writeJSON(w, http.StatusOK, opened{Name: name, Text: string(data), Version: version(data), analysis: s.analyse(name, string(data), nil)})
}

// readProblem says in Vietnamese why a file could not be read.
func readProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "tệp không có trong thư mục"
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền đọc"
	case strings.Contains(err.Error(), "path escapes"):
		return "tệp nằm ngoài thư mục hồ sơ"
	}
	return err.Error()
}

func (s *Server) samples(w http.ResponseWriter, r *http.Request) {
	names, _ := fs.Glob(samples.FS, "*.toml")
	out := []recordInfo{}
	for _, n := range names {
		data, _ := samples.FS.ReadFile(n)
		out = append(out, recordInfo{Name: n, Title: title(data), Size: int64(len(data))})
	}
	writeJSON(w, http.StatusOK, out)
}

// saveRequest is the text to save and the version it was made from
// ("" for a file the page created).
type saveRequest struct {
	Text    string `json:"noi_dung"`
	Version string `json:"phien_ban"`
}

// save writes a record: refused when the file changed since the page
// read it; the previous content is kept as NAME.bak.
func (s *Server) save(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("ten")
	if err := safeName(name); err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	var req saveRequest
	if !readJSON(w, r, s.limits.request, &req) || !s.fits(w, req.Text) {
		return
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	old, err := s.readRecord(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fail(w, http.StatusForbidden, "Không lưu được %s: %v", name, readProblem(err))
		return
	}
	if errors.Is(err, fs.ErrNotExist) {
		old = nil
		if req.Version != "" {
			fail(w, http.StatusConflict, "Tệp %s đã bị xóa hoặc đổi tên ở nơi khác sau khi mở. Nội dung bạn sửa vẫn còn trong trang: bấm \"Lưu thành tệp khác\" để giữ lại.", name)
			return
		}
	} else if version(old) != req.Version {
		fail(w, http.StatusConflict, "Tệp %s đã được sửa ở nơi khác (cửa sổ khác hoặc chương trình khác) sau khi bạn mở nên chưa lưu, để không mất phần sửa đó. Nội dung bạn sửa vẫn còn trong trang: bấm \"Lưu thành tệp khác\" để giữ lại, rồi mở lại tệp để so.", name)
		return
	}
	if old != nil {
		if _, err := output.Write(s.cfg.Dir, name+".bak", old); err != nil {
			fail(w, http.StatusInternalServerError, "Không ghi được bản sao %s.bak nên chưa lưu: %v", name, err)
			return
		}
	}
	if _, err := output.Write(s.cfg.Dir, name, []byte(req.Text)); err != nil {
		fail(w, http.StatusInternalServerError, "Không lưu được %s: %v", name, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"ten": name, "phien_ban": version([]byte(req.Text))})
}

// fits refuses to write a record larger than thidua reads.
func (s *Server) fits(w http.ResponseWriter, text string) bool {
	if int64(len(text)) <= s.limits.text {
		return true
	}
	fail(w, http.StatusRequestEntityTooLarge, "Hồ sơ lớn %s, quá giới hạn %s của %s nên chưa lưu (đổi bằng biến môi trường %s).",
		input.FormatSize(int64(len(text))), input.FormatSize(s.limits.text), input.Text.What, input.Text.Env)
	return false
}

// createRequest names a new record and what to start it from:
// "mau:SAMPLE.toml" (an embedded sample), "trong:KIND" (a blank record of
// a session kind), "sao:FILE.toml" (a copy of a record of the folder),
// "nam-sau:FILE.toml" (next year's record from this year's), or, with no
// From, Text (the page's text saved under another name).
type createRequest struct {
	Name string `json:"ten"`
	From string `json:"tu"`
	Text string `json:"noi_dung"`
}

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	var req createRequest
	if !readJSON(w, r, s.limits.request, &req) {
		return
	}
	name := strings.TrimSpace(req.Name)
	if !strings.HasSuffix(name, ".toml") {
		name += ".toml"
	}
	if err := safeName(name); err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	kind, arg, _ := strings.Cut(req.From, ":")
	var text string
	var err error
	switch kind {
	case "":
		text = req.Text
		if strings.TrimSpace(text) == "" {
			err = errors.New("chưa có nội dung")
		}
	case "mau":
		var b []byte
		b, err = samples.FS.ReadFile(arg)
		text = string(b)
	case "trong":
		text, err = blank(arg, time.Now().Year())
	case "sao", "nam-sau":
		var b []byte
		if b, err = s.readRecord(arg); err == nil {
			text = string(b)
			if kind == "nam-sau" {
				text, err = nextYear(text)
			}
		}
	default:
		err = fmt.Errorf("không biết tạo hồ sơ từ %q", req.From)
	}
	if err != nil {
		fail(w, http.StatusBadRequest, "Không tạo được %s: %v", name, err)
		return
	}
	if !s.fits(w, text) {
		return
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	if _, err := os.Lstat(s.cfg.Dir + string(os.PathSeparator) + name); err == nil {
		fail(w, http.StatusConflict, "Đã có tệp %s trong thư mục; chọn tên khác.", name)
		return
	}
	if _, err := output.Write(s.cfg.Dir, name, []byte(text)); err != nil {
		fail(w, http.StatusInternalServerError, "Không ghi được %s: %v", name, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"ten": name, "phien_ban": version([]byte(text))})
}

// blank is a new record of a session kind: the keys a record must have,
// empty, so that the page lists what to fill; the pledge for a signing,
// the report for a review.
func blank(kind string, year int) (string, error) {
	if kindWords[kind] == "" {
		return "", fmt.Errorf("loại phiên họp %q không có (ky-ket, so-ket, tong-ket)", kind)
	}
	d, err := tomledit.Parse("# Hồ sơ " + kindWords[kind] + " tạo bằng thidua serve. Ý nghĩa của từng khóa: docs/record.md.\n\n")
	if err != nil {
		return "", err
	}
	section := "bao_cao"
	if kind == record.KindSigning {
		section = "giao_uoc"
	}
	for _, k := range record.Schema() {
		if k.Required || k.Key == section {
			if err := blankKeys(d, k, k.Key, year); err != nil {
				return "", err
			}
		}
	}
	if err := d.Set("phien.loai", kind); err != nil {
		return "", err
	}
	return d.String(), nil
}

// blankKeys writes the required keys under k, at path, with empty values.
func blankKeys(d *tomledit.Doc, k record.Key, path string, year int) error {
	switch k.Type {
	case record.TypeTable:
		for _, c := range k.Keys {
			if c.Required {
				if err := blankKeys(d, c, record.KeyPath(path, c.Key), year); err != nil {
					return err
				}
			}
		}
		if !d.Has(path) { // a table without required keys: its header
			return d.Set(record.KeyPath(path, "ten"), "")
		}
		return nil
	case record.TypeTables:
		n := 1
		if path == "thanh_vien" {
			n = 2 // a cluster has at least two members
		}
		for i := 1; i <= n; i++ {
			if err := d.Insert(path, i); err != nil {
				return err
			}
			item := fmt.Sprintf("%s[%d]", path, i)
			for _, c := range k.Keys {
				if c.Required {
					if err := blankKeys(d, c, record.KeyPath(item, c.Key), year); err != nil {
						return err
					}
				}
			}
		}
		return nil
	case record.TypeText, record.TypeMemberRef:
		return d.Set(path, "")
	case record.TypeEnum:
		return d.Set(path, k.Enum[0])
	case record.TypeLines:
		return d.Set(path, []string{})
	case record.TypeInt:
		if k.Key == "nam" {
			return d.Set(path, year)
		}
		return d.Set(path, 0)
	}
	return nil // dates and numbers: left for the clerk, the check asks for them
}

// nextYear makes next year's record from this year's: the year goes up
// by one and "năm 2023" in the text becomes "năm 2024"; next year's
// head and deputy ([nam_toi]) become the cluster's; what belongs to the
// session that took place (its date and time, document numbers and
// dates, indicators, scores, vote, minutes, award proposals) is removed,
// so that the check asks for the new ones instead of printing old ones.
func nextYear(text string) (string, error) {
	d, err := tomledit.Parse(text)
	if err != nil {
		return "", fmt.Errorf("tệp có lỗi cú pháp TOML, sửa trước đã: %v", err)
	}
	var v map[string]any
	if _, err := decodeTOML(text, &v); err != nil {
		return "", err
	}
	cum, _ := v["cum"].(map[string]any)
	year, ok := cum["nam"].(int64)
	if !ok {
		return "", errors.New("hồ sơ chưa có năm thi đua (cum.nam)")
	}
	old, next := fmt.Sprint("năm ", year), fmt.Sprint("năm ", year+1)
	var strs []string
	walkStrings(v, "", func(path, s string) {
		if strings.Contains(s, old) {
			strs = append(strs, path, strings.ReplaceAll(s, old, next))
		}
	})
	for i := 0; i < len(strs); i += 2 {
		if err := d.Set(strs[i], strs[i+1]); err != nil {
			return "", err
		}
	}
	if err := d.Set("cum.nam", year+1); err != nil {
		return "", err
	}
	if nt, ok := v["nam_toi"].(map[string]any); ok {
		for _, k := range []string{"cum_truong", "cum_pho"} {
			if id, ok := nt[k].(string); ok && id != "" {
				if err := d.Set("cum."+k, id); err != nil {
					return "", err
				}
			}
		}
	}
	for _, p := range []string{"nam_toi", "phien.ngay", "phien.gio", "giao_uoc.so", "giao_uoc.ngay", "bao_cao.so", "bao_cao.ngay",
		"chi_tieu", "diem", "binh_xet", "bien_ban", "khen_thuong", "de_nghi"} {
		if err := d.Delete(p); err != nil {
			return "", err
		}
	}
	return d.String(), nil
}

// walkStrings calls fn with the path and value of every string in a
// decoded TOML tree, in a fixed order.
func walkStrings(v any, path string, fn func(path, s string)) {
	switch x := v.(type) {
	case string:
		fn(path, x)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			walkStrings(x[k], record.KeyPath(path, k), fn)
		}
	case []any:
		for i, e := range x {
			walkStrings(e, fmt.Sprintf("%s[%d]", path, i+1), fn)
		}
	case []map[string]any:
		for i, e := range x {
			walkStrings(e, fmt.Sprintf("%s[%d]", path, i+1), fn)
		}
	}
}
