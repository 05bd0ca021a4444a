// Package batch makes the papers of many records, and of many nominees in
// each, at once: records are read in parallel, every paper (one per
// template, or one per item for templates made per nominee) is a job for
// a pool of workers, each file is written atomically and left alone when
// its content has not changed. A bad record, nominee or paper is reported
// with its position and the rest is still made. At the end a manifest
// lists every file (name, size, sha256) and every error.
//
// Stopping the context stops the taking of new jobs; jobs under way finish
// (a paper is a few milliseconds), and the manifest of what was done is
// written. A run killed outright leaves only temporary files
// (".thidua-tmp-*"), never a partial file under a paper's name; the next
// run removes them and completes.
package batch

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"thidua/internal/awards"
	"thidua/internal/forms"
	"thidua/internal/output"
	"thidua/internal/record"
	"thidua/internal/render"
	"thidua/internal/vn"
)

// ManifestName is the manifest's file name in the output folder.
const ManifestName = "manifest.json"

// Options configure a run.
type Options struct {
	Out       string   // output folder; each record gets a subfolder
	Workers   int      // parallel jobs; < 1 means runtime.NumCPU()
	Formats   []string // render.Formats when empty
	Templates *forms.Set
	Catalogue *awards.Catalogue // awards.Builtin() when nil
	Papers    string            // comma-separated template names; "" means every one that applies
	// Progress receives a progress bar redrawn in place; nil for none.
	Progress io.Writer
	// OnProgress, when not nil, is called with the same counts as the bar
	// each time a record is read or a paper made (thidua serve's page).
	OnProgress func(made, papers, read, records int)
}

// Inputs expands the command line: files as they are, a directory into
// the *.toml files directly in it, in name order.
func Inputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("không mở được %q: %s", a, why(err))
		}
		if !info.IsDir() {
			out = append(out, a)
			continue
		}
		names, err := filepath.Glob(filepath.Join(a, "*.toml"))
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("thư mục %q không có tệp hồ sơ .toml nào", a)
		}
		sort.Strings(names)
		out = append(out, names...)
	}
	return out, nil
}

func why(err error) string {
	switch {
	case os.IsNotExist(err):
		return "không có tệp hay thư mục này"
	case os.IsPermission(err):
		return "không có quyền đọc"
	}
	return err.Error()
}

// job is one paper of one record: a template over one item's data.
type job struct {
	rec   *loaded
	tpl   *forms.Template
	data  map[string]any
	field string // the item's field path in the record ("de_nghi[3]"), or ""
}

// loaded is a record read and computed.
type loaded struct {
	file string
	dir  string // subfolder of the output folder
	rec  *record.Record
	jobs []*job
	res  *RecordResult
	// left counts the papers not yet made; the last one lets the record
	// go, so that a run of many records holds only those under way.
	left atomic.Int32
}

// Run makes every paper of every record into o.Out and writes the
// manifest. It returns what was done; the manifest holds the same.
//
// Three stages run at once: o.Workers goroutines read records and list
// their papers, o.Workers goroutines lay out papers, and two goroutines
// write files in groups (output.WriteAll: every file of a group written,
// one sync for the group, then the names), so that the wait for the disk
// neither holds the processors up nor comes once per file. Channels
// between the stages are short, so a record's data is let go soon after
// its papers are made, whatever the number of records. Before the
// manifest is written, the names of every file are synced: the manifest
// lists only files that are complete on disk.
func Run(ctx context.Context, files []string, o Options) *Summary {
	// A run holds little (the records under way: 20 MB for 1.000) and
	// allocates much; a collection every 4x the live heap rather than 1x
	// saves a third of the processor time. The memory limit keeps a run
	// whose live heap is large (one record of 1.000 nominees) near what
	// it took with the default.
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	o.defaults()
	s := &Summary{Started: time.Now(), Workers: o.Workers, Out: o.Out}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		s.WriteFailed = true
		s.Errors = append(s.Errors, ErrorEntry{Message: fmt.Sprintf("không tạo được thư mục ra %q: %v", o.Out, err)})
		return s
	}
	// The folder's own temporaries: a manifest a killed run was writing
	// (each record's folder is cleaned when its papers are made).
	if err := output.Clean(o.Out); err != nil {
		s.Errors = append(s.Errors, ErrorEntry{Message: fmt.Sprintf("không xóa được tệp tạm trong %q: %v", o.Out, err)})
	}
	recs := s.prepare(files)
	p := &progress{bar: newBar(o.Progress), on: o.OnProgress, records: len(recs)}
	jobs := make(chan *job, 4*o.Workers)
	writes := make(chan *write, groupMax)

	var loaders, makers, writers sync.WaitGroup
	next := make(chan *loaded)
	for range min(o.Workers, len(recs)) {
		loaders.Go(func() {
			for l := range next {
				s.load(l, o)
				p.loaded(len(l.jobs))
				for _, j := range l.jobs {
					if ctx.Err() != nil {
						break
					}
					jobs <- j
				}
				l.jobs = nil
			}
		})
	}
	for range o.Workers {
		makers.Go(func() {
			for j := range jobs {
				if ctx.Err() == nil { // once stopped, queued papers are dropped
					s.make(j, o, writes)
				}
				if j.rec.left.Add(-1) == 0 {
					j.rec.rec = nil
				}
				p.made()
			}
		})
	}
	for range groupWriters {
		writers.Go(func() { s.writeGroups(writes, o) })
	}
feed:
	for _, l := range recs {
		select {
		case <-ctx.Done():
			break feed
		case next <- l:
		}
	}
	close(next)
	loaders.Wait()
	close(jobs)
	makers.Wait()
	close(writes)
	writers.Wait()
	p.bar.close()
	s.Interrupted = ctx.Err() != nil
	return s.finish(o)
}

// gcPercent and memoryLimit are the garbage collector's GOGC and
// GOMEMLIMIT while a run goes on.
const (
	gcPercent   = 400
	memoryLimit = 150 << 20
)

// groupWriters goroutines write groups of at most groupMax files: one
// writes its group while the other waits for its sync. A group is what
// the makers have made meanwhile, so a slow disk makes larger groups.
const (
	groupWriters = 2
	groupMax     = 64
)

// progress counts records read and papers made for the bar.
type progress struct {
	bar               *bar
	on                func(made, papers, read, records int)
	mu                sync.Mutex
	records, read     int
	papers, madeSoFar int
}

func (p *progress) loaded(papers int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.read++
	p.papers += papers
	p.show()
}

func (p *progress) made() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.madeSoFar++
	p.show()
}

func (p *progress) show() {
	p.bar.show(p.madeSoFar, p.papers, p.read, p.records)
	if p.on != nil {
		p.on(p.madeSoFar, p.papers, p.read, p.records)
	}
}

func (o *Options) defaults() {
	if o.Workers < 1 {
		o.Workers = runtime.NumCPU()
	}
	if len(o.Formats) == 0 {
		o.Formats = render.Formats
	}
	if o.Catalogue == nil {
		o.Catalogue = awards.Builtin()
	}
}

// prepare gives each record a subfolder of its own, named after the
// record's file name (made safe and unique), in command-line order.
func (s *Summary) prepare(files []string) []*loaded {
	names := vn.NewSlugSet(80)
	recs := make([]*loaded, len(files))
	for i, f := range files {
		dir := names.Add(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)))
		res := &RecordResult{File: f, Dir: dir}
		s.Records = append(s.Records, res)
		recs[i] = &loaded{file: f, dir: dir, res: res}
	}
	return recs
}

// load reads one record, computes its data and lists its papers.
func (s *Summary) load(l *loaded, o Options) {
	rec, err := record.Load(l.file)
	if err != nil {
		s.recordErrors(l, "", err)
		return
	}
	l.rec = rec
	data, err := render.Data(rec, render.WithCatalogue(o.Catalogue))
	if err != nil {
		// Problems of single nominees: the rest of the record is made.
		s.recordErrors(l, "", err)
	}
	tpls, err := s.pick(l, o, data, l.res.Failed > 0)
	if err == nil {
		err = rec.Need(forms.Names(tpls)) // what the chosen papers print
	}
	if err != nil {
		s.recordErrors(l, "", err)
		return
	}
	if len(tpls) == 0 && l.res.Failed == 0 {
		s.recordErrors(l, "", errors.New("hồ sơ chưa có phần nào để viết giấy tờ (ví dụ bảng [giao_uoc] hoặc [khen_thuong]); xem docs/record.md"))
		return
	}
	dir := filepath.Join(o.Out, l.dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.recordErrors(l, "", fmt.Errorf("không tạo được thư mục %q: %v", dir, err))
		return
	}
	if err := output.Clean(dir); err != nil {
		s.recordErrors(l, "", fmt.Errorf("không xóa được tệp tạm trong %q: %v", dir, err))
	}
	// Papers that list many nominees (a list, a submission) take longest:
	// they go first, so that no processor waits alone on one at the end.
	items := make([][]map[string]any, len(tpls))
	order := make([]int, len(tpls))
	for i, t := range tpls {
		items[i], order[i] = t.Each(data), i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(items[a]), len(items[b])) })
	taken := map[string]string{}
	for _, i := range order {
		t := tpls[i]
		for _, item := range items[i] {
			j := &job{rec: l, tpl: t, data: item}
			if m, ok := item[forms.ItemKey].(map[string]any); ok {
				j.field, _ = m["vi_tri"].(string)
			}
			base, err := render.BaseName(t, item)
			if err == nil {
				if other, dup := taken[base]; dup {
					err = fmt.Errorf("mẫu %s: tên tệp %q trùng với tên tệp của %s; sửa ten_tep của mẫu cho mỗi giấy tờ một tên", t.Name, base, other)
				}
			}
			if err != nil {
				s.recordErrors(l, j.field, err)
				continue
			}
			taken[base] = t.Name
			l.jobs = append(l.jobs, j)
		}
	}
	l.left.Store(int32(len(l.jobs)))
	s.mu.Lock()
	l.res.Papers = len(l.jobs)
	s.mu.Unlock()
}

// pick chooses a record's templates: those of o.Papers, or every one its
// data has what it needs for. A chosen template that does not apply is an
// error, reported for itself so that the others are still made.
func (s *Summary) pick(l *loaded, o Options, data map[string]any, nomineeErrors bool) ([]*forms.Template, error) {
	if strings.TrimSpace(o.Papers) == "" {
		return o.Templates.Pick("", data)
	}
	var out []*forms.Template
	for _, name := range strings.Split(o.Papers, ",") {
		name = strings.TrimSpace(name)
		t, ok := o.Templates.Get(name)
		switch {
		case !ok:
			return nil, fmt.Errorf("không có mẫu giấy tờ %q; các mẫu có: %s", name, strings.Join(o.Templates.Names(), ", "))
		case t.Applies(data):
			out = append(out, t)
		case nomineeErrors:
			s.recordErrors(l, "", fmt.Errorf("không làm mẫu %q: có tập thể, cá nhân được đề nghị bị lỗi (xem các lỗi trên), giấy tờ liệt kê họ chưa làm được", name))
		default:
			s.recordErrors(l, "", fmt.Errorf("hồ sơ không có phần mà mẫu %q cần (%s)", name, strings.Join(t.Front.Can, ", ")))
		}
	}
	return out, nil
}

// write is one file of a paper, made and waiting to be written.
type write struct {
	job  *job
	file render.File
}

// make lays out one paper in every format and hands its files to the
// writers.
func (s *Summary) make(j *job, o Options, writes chan<- *write) {
	defer func() {
		if p := recover(); p != nil {
			s.recordErrors(j.rec, j.field, fmt.Errorf("mẫu %s: lỗi chương trình khi làm giấy tờ: %v", j.tpl.Name, p))
		}
	}()
	files, err := render.Paper(j.tpl, j.data, o.Formats)
	if err != nil {
		s.recordErrors(j.rec, j.field, err)
		return
	}
	for _, f := range files {
		writes <- &write{job: j, file: f}
	}
}

// writeGroups writes the files that come on writes, taking each time all
// that are waiting, up to groupMax.
func (s *Summary) writeGroups(writes <-chan *write, o Options) {
	group := make([]*write, 0, groupMax)
	for w := range writes {
		group = append(group[:0], w)
	take:
		for len(group) < groupMax {
			select {
			case w, ok := <-writes:
				if !ok {
					break take
				}
				group = append(group, w)
			default:
				break take
			}
		}
		s.writeGroup(group, o)
	}
}

// writeGroup writes files atomically with one sync and records them.
func (s *Summary) writeGroup(group []*write, o Options) {
	files := make([]output.File, len(group))
	for i, w := range group {
		files[i] = output.File{Dir: filepath.Join(o.Out, w.job.rec.dir), Name: w.file.Name, Data: w.file.Data}
	}
	for i, res := range output.WriteAll(files) {
		j, f := group[i].job, group[i].file
		if res.Err != nil {
			s.writeError(j.rec, fmt.Sprintf("không ghi được %s: %v", filepath.Join(files[i].Dir, f.Name), res.Err))
			continue
		}
		sum := sha256.Sum256(f.Data)
		s.add(j.rec.res, FileEntry{Name: filepath.ToSlash(filepath.Join(j.rec.dir, f.Name)), Size: int64(len(f.Data)),
			SHA256: hex.EncodeToString(sum[:]), Result: resultName(res.Result), Record: j.rec.file, Paper: j.tpl.Name})
	}
}

// recordErrors reports problems of a record; field, when not empty, is the
// item whose paper failed, to position an error that carries no position.
func (s *Summary) recordErrors(l *loaded, field string, err error) {
	var errs record.Errors
	if !errors.As(err, &errs) {
		e := &record.Error{File: l.file, Msg: err.Error()}
		if field != "" && l.rec != nil {
			e = l.rec.Errorf(field, "", "%v", err)
		}
		errs = record.Errors{e}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range errs {
		s.Errors = append(s.Errors, ErrorEntry{Record: l.file, File: e.File, Line: e.Line, Col: e.Col, Field: e.Field, Message: e.Msg, Hint: e.Hint})
	}
	l.res.Failed += len(errs)
}

func resultName(r output.Result) string {
	switch r {
	case output.Replaced:
		return ResultReplaced
	case output.Unchanged:
		return ResultUnchanged
	}
	return ResultCreated
}
