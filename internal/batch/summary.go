package batch

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"thidua/internal/output"
	"thidua/internal/record"
	"thidua/internal/vn"
)

// What happened to a file (FileEntry.Result).
const (
	ResultCreated   = "da-ghi"    // a new file
	ResultReplaced  = "da-thay"   // an older file with other content replaced
	ResultUnchanged = "khong-doi" // the file already held this content; not touched
)

// Summary is what a run did; the manifest is its JSON.
type Summary struct {
	Started     time.Time       `json:"bat_dau"`
	Finished    time.Time       `json:"ket_thuc"`
	Out         string          `json:"thu_muc_ra"`
	Workers     int             `json:"so_luong_song_song"`
	Interrupted bool            `json:"bi_ngat"`
	Records     []*RecordResult `json:"ho_so"`
	Files       []FileEntry     `json:"tep"`
	Errors      []ErrorEntry    `json:"loi"`
	// WriteFailed is true when a file could not be written: the fault is
	// the machine's (disk, rights), not the record's.
	WriteFailed bool `json:"loi_ghi_tep"`

	mu sync.Mutex
}

// RecordResult counts what one record gave.
type RecordResult struct {
	File      string `json:"tep_ho_so"`
	Dir       string `json:"thu_muc"` // subfolder of the output folder
	Papers    int    `json:"giay_to"`
	Created   int    `json:"tep_moi"`
	Replaced  int    `json:"tep_thay"`
	Unchanged int    `json:"tep_khong_doi"`
	Failed    int    `json:"loi"`
}

// FileEntry is one file written (or found unchanged).
type FileEntry struct {
	Name   string `json:"ten"` // relative to the output folder, with "/"
	Size   int64  `json:"kich_thuoc"`
	SHA256 string `json:"sha256"`
	Result string `json:"ket_qua"`
	Record string `json:"ho_so"`
	Paper  string `json:"mau"`
}

// ErrorEntry is one problem, positioned in its record when it can be.
type ErrorEntry struct {
	Record  string `json:"ho_so"`
	File    string `json:"tep"`
	Line    int    `json:"dong,omitempty"`
	Col     int    `json:"cot,omitempty"`
	Field   string `json:"khoa,omitempty"`
	Message string `json:"loi"`
	Hint    string `json:"cach_sua,omitempty"`
}

// String prints the error as record errors print: "file:line:col: field:
// message" and the hint on the next line.
func (e ErrorEntry) String() string {
	re := record.Error{File: cmp.Or(e.File, e.Record), Line: e.Line, Col: e.Col, Field: e.Field, Msg: e.Message, Hint: e.Hint}
	return re.Error()
}

// OK reports whether the run made everything: no error, not interrupted.
func (s *Summary) OK() bool { return !s.Interrupted && len(s.Errors) == 0 }

// add records a file written for a record.
func (s *Summary) add(r *RecordResult, f FileEntry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Files = append(s.Files, f)
	switch f.Result {
	case ResultCreated:
		r.Created++
	case ResultReplaced:
		r.Replaced++
	default:
		r.Unchanged++
	}
}

// writeError records a file that could not be written.
func (s *Summary) writeError(l *loaded, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.WriteFailed = true
	s.Errors = append(s.Errors, ErrorEntry{Record: l.file, Message: msg})
	l.res.Failed++
}

// finish orders the lists and writes the manifest.
func (s *Summary) finish(o Options) *Summary {
	s.Finished = time.Now()
	slices.SortFunc(s.Files, func(a, b FileEntry) int { return strings.Compare(a.Name, b.Name) })
	order := map[string]int{}
	for i, r := range s.Records {
		order[r.File] = i
	}
	slices.SortStableFunc(s.Errors, func(a, b ErrorEntry) int {
		return cmp.Or(cmp.Compare(order[a.Record], order[b.Record]), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	// The files the manifest lists must have their names on disk first.
	dirs := []string{o.Out}
	for _, r := range s.Records {
		if r.Created+r.Replaced > 0 {
			dirs = append(dirs, filepath.Join(o.Out, r.Dir))
		}
	}
	err := output.SyncDirs(dirs)
	var data []byte
	if err == nil {
		data, err = json.MarshalIndent(s, "", "  ")
	}
	if err == nil {
		_, err = output.Write(o.Out, ManifestName, append(data, '\n'))
	}
	if err != nil {
		s.WriteFailed = true
		s.Errors = append(s.Errors, ErrorEntry{Message: fmt.Sprintf("không ghi được danh mục tệp %s: %v", ManifestName, err)})
	}
	return s
}

// Print writes the errors, then a table of what each record gave and the
// totals, for people.
func (s *Summary) Print(w io.Writer) {
	for _, e := range s.Errors {
		fmt.Fprintln(w, e.String())
	}
	if len(s.Errors) > 0 {
		fmt.Fprintln(w)
	}
	nameWidth := len([]rune("Hồ sơ"))
	for _, r := range s.Records {
		nameWidth = max(nameWidth, len([]rune(r.File)))
	}
	row := func(name string, cells ...any) {
		fmt.Fprintf(w, "%-*s", nameWidth, name)
		for i, c := range cells {
			fmt.Fprintf(w, "  %*v", []int{7, 7, 7, 9, 5}[i], c)
		}
		fmt.Fprintln(w)
	}
	row("Hồ sơ", "Giấy tờ", "Tệp mới", "Đã thay", "Không đổi", "Lỗi")
	var t RecordResult
	for _, r := range s.Records {
		row(r.File, r.Papers, r.Created, r.Replaced, r.Unchanged, r.Failed)
		t.Papers, t.Created, t.Replaced, t.Unchanged, t.Failed = t.Papers+r.Papers, t.Created+r.Created, t.Replaced+r.Replaced, t.Unchanged+r.Unchanged, t.Failed+r.Failed
	}
	if len(s.Records) > 1 {
		row("Cộng", t.Papers, t.Created, t.Replaced, t.Unchanged, t.Failed)
	}
	secs := s.Finished.Sub(s.Started).Seconds()
	files := len(s.Files)
	rate := 0.0
	if secs > 0 {
		rate = float64(files) / secs
	}
	fmt.Fprintf(w, "\n%d hồ sơ, %d tệp trong %s giây (%s tệp/giây, %d luồng). Danh mục tệp: %s\n",
		len(s.Records), files, vn.FormatNumber(secs, 2), vn.FormatNumber(rate, 0), s.Workers, joinOut(s.Out, ManifestName))
	switch {
	case s.Interrupted:
		fmt.Fprintln(w, "Đã dừng theo yêu cầu: các tệp đã ghi là trọn vẹn; chạy lại đúng lệnh này để làm nốt phần còn lại.")
	case len(s.Errors) > 0:
		fmt.Fprintf(w, "Có %d lỗi (liệt kê ở trên và trong %s); các phần không lỗi đã làm xong. Sửa rồi chạy lại: tệp không đổi sẽ được để nguyên.\n", len(s.Errors), ManifestName)
	}
}

func joinOut(dir, name string) string {
	if dir == "" || dir == "." {
		return name
	}
	return strings.TrimSuffix(dir, "/") + "/" + name
}
