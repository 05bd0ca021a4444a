// Package serve is the local web page of thidua serve: a clerk opens the
// records of a folder, fills them in forms generated from record.Schema
// (or edits the TOML text), sees every problem next to the field it
// concerns and the chosen paper as a PDF on each change, saves, makes
// the papers of many records at once and fills Word forms.
//
// Edits are made to the TOML text in place (package tomledit), so that
// a hand-written file keeps its comments and key order; the page holds
// the text, the server checks and renders it with the same packages as
// the command line (record, tally, awards, render, batch, fill) and
// writes it only when the clerk saves.
//
// Safety: the server answers only requests whose Host is the address it
// is bound to (no DNS rebinding), wants the page's token and its own
// Origin on every request that changes something, a password when it is
// bound to an address other than the loopback one, bounds every upload,
// and reads and writes only plain files directly in the served folder.
package serve

import (
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"

	"thidua/internal/awards"
	"thidua/internal/forms"
	"thidua/internal/input"
	"thidua/internal/record"
)

//go:embed web
var webFS embed.FS

// Config is what a server serves and how.
type Config struct {
	Dir  string // the folder of records
	Addr string // the address listened on, host:port with the port known
	// Password, when set, is asked of every request (HTTP basic auth,
	// any user name); it is required when Addr is not a loopback address.
	Password  string
	Templates *forms.Set        // the built-in set when nil
	Catalogue *awards.Catalogue // the built-in catalogue when nil
}

// maxBatch bounds the upload of a batch: its records, or their .zip.
const maxBatch = 256 << 20

// limits are the sizes a server accepts, from package input's limits
// (and their environment variables): a record's text, a Word form; a
// request carrying a text as JSON may be twice as long (escapes).
type limits struct {
	text, request, form int64
}

func newLimits() (limits, error) {
	text, err := input.Text.Limit()
	if err != nil {
		return limits{}, err
	}
	word, err := input.Word.Limit()
	if err != nil {
		return limits{}, err
	}
	return limits{text: text, request: 2*text + 1<<20, form: word + text + 1<<20}, nil
}

// Server serves the page and its API.
type Server struct {
	cfg      Config
	port     string
	loopback bool
	token    string
	mux      *http.ServeMux
	page     *template.Template
	saveMu   sync.Mutex // a save checks the version and writes as one step
	jobs     jobs
	limits   limits
}

// New makes a server for cfg.
func New(cfg Config) (*Server, error) {
	host, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("địa chỉ %q không đúng dạng máy:cổng: %v", cfg.Addr, err)
	}
	ip := net.ParseIP(host)
	loopback := host == "localhost" || ip != nil && ip.IsLoopback()
	if !loopback && cfg.Password == "" {
		return nil, fmt.Errorf("địa chỉ %s cho máy khác trong mạng vào được trang: cần đặt mật khẩu bằng --mat-khau", cfg.Addr)
	}
	info, err := os.Stat(cfg.Dir)
	if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("không mở được thư mục hồ sơ %q", cfg.Dir)
	}
	if cfg.Templates == nil {
		if cfg.Templates, err = forms.LoadSet(""); err != nil {
			return nil, err
		}
	}
	if cfg.Catalogue == nil {
		cfg.Catalogue = awards.Builtin()
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	lim, err := newLimits()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, port: port, loopback: loopback, token: hex.EncodeToString(b), limits: lim}
	s.page = template.Must(template.ParseFS(webFS, "web/index.html"))
	s.routes()
	return s, nil
}

// Token is the page's token, which requests that change something carry.
func (s *Server) Token() string { return s.token }

// Close removes what batch runs left behind.
func (s *Server) Close() { s.jobs.close() }

func (s *Server) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(webFS, "web")
	m.HandleFunc("GET /{$}", s.index)
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	m.HandleFunc("GET /api/schema", s.schema)
	m.HandleFunc("GET /api/giay-mau", s.templates)
	m.HandleFunc("GET /api/ho-so", s.list)
	m.HandleFunc("GET /api/ho-so/{ten}", s.open)
	m.HandleFunc("GET /api/mau", s.samples)
	m.HandleFunc("POST /api/kiem-tra", s.check)
	m.HandleFunc("POST /api/sua", s.edit)
	m.HandleFunc("POST /api/luu/{ten}", s.save)
	m.HandleFunc("POST /api/tao", s.create)
	m.HandleFunc("POST /api/giay", s.paper)
	m.HandleFunc("POST /api/tat-ca", s.all)
	m.HandleFunc("POST /api/hang-loat", s.batchStart)
	m.HandleFunc("GET /api/hang-loat/{id}", s.batchEvents)
	m.HandleFunc("GET /api/hang-loat/{id}/tai", s.batchDownload)
	m.HandleFunc("POST /api/dien", s.fillForm)
	s.mux = m
}

// ServeHTTP applies the safety rules, then the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostOK(r.Host) {
		http.Error(w, "Địa chỉ "+r.Host+" không phải địa chỉ của thidua serve; mở trang bằng địa chỉ chương trình in ra.", http.StatusMisdirectedRequest)
		return
	}
	if s.cfg.Password != "" {
		_, pw, ok := r.BasicAuth()
		if !ok || subtle.ConstantTimeCompare([]byte(pw), []byte(s.cfg.Password)) != 1 {
			w.Header().Set("WWW-Authenticate", `Basic realm="thidua", charset="UTF-8"`)
			http.Error(w, "Cần mật khẩu của thidua serve.", http.StatusUnauthorized)
			return
		}
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host {
			http.Error(w, "Yêu cầu đến từ trang khác ("+origin+") bị từ chối.", http.StatusForbidden)
			return
		}
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Thidua-Token")), []byte(s.token)) != 1 {
			http.Error(w, "Thiếu mã của trang: hãy tải lại trang thidua rồi làm lại.", http.StatusForbidden)
			return
		}
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "SAMEORIGIN")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.Header().Set("Cache-Control", "no-store")
	s.mux.ServeHTTP(w, r)
}

// hostOK reports whether a request's Host names this server: the bound
// port on localhost or a loopback address; on another address (with a
// password) any address written as an IP, never a domain name.
func (s *Server) hostOK(host string) bool {
	h, port, err := net.SplitHostPort(host)
	if err != nil || port != s.port {
		return false
	}
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	if ip == nil {
		return false
	}
	return !s.loopback || ip.IsLoopback()
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; frame-src 'self' blob:; object-src 'self' blob:; style-src 'self'; script-src 'self'")
	s.page.Execute(w, map[string]string{"Token": s.token, "Dir": s.cfg.Dir})
}

func (s *Server) schema(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, record.Schema())
}

// templateInfo is a paper the server can make, for the page's choice of
// papers and its notes of which papers print a field.
type templateInfo struct {
	Name  string `json:"ten"`
	Short string `json:"ten_ngan"`
	Title string `json:"mo_ta"`
}

// templates lists every paper of the server's templates, in name order.
func (s *Server) templates(w http.ResponseWriter, r *http.Request) {
	out := []templateInfo{}
	for _, n := range s.cfg.Templates.Names() {
		t, _ := s.cfg.Templates.Get(n)
		out = append(out, templateInfo{Name: n, Short: t.ShortName(), Title: t.Front.MoTa})
	}
	writeJSON(w, http.StatusOK, out)
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// fail answers with a message for the clerk.
func fail(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, map[string]string{"loi": fmt.Sprintf(format, args...)})
}

// readJSON reads a request body of at most limit bytes into v.
func readJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) bool {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "Nội dung gửi lên quá lớn (tối đa %s).", input.FormatSize(limit))
		} else {
			fail(w, http.StatusBadRequest, "Yêu cầu không đọc được: %v", err)
		}
		return false
	}
	return true
}

// safeName checks the name of a record in the folder: a plain .toml file
// name, no folder, nothing hidden.
func safeName(name string) error {
	switch {
	case !strings.HasSuffix(name, ".toml"):
		return fmt.Errorf("tên tệp hồ sơ %q phải có đuôi .toml", name)
	case strings.ContainsAny(name, `/\:`+"\x00") || name == ".toml" || strings.HasPrefix(name, ".") || strings.Contains(name, ".."):
		return fmt.Errorf("tên tệp %q không dùng được: chỉ ghi tên tệp, không có thư mục, không bắt đầu bằng dấu chấm", name)
	}
	return nil
}
