package forms

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"thidua/internal/input"
	"thidua/templates"
)

// Set is the templates a run uses: the built-in ones, each replaced by a
// user's edited copy of the same name when a folder of them is given.
type Set struct {
	byName map[string]*Template
}

// LoadSet parses the built-in templates and, when dir is not empty, the
// templates in dir, which replace built-ins of the same name and may add
// new papers.
func LoadSet(dir string) (*Set, error) {
	s := &Set{byName: map[string]*Template{}}
	if err := s.addAll(templates.FS, ""); err != nil {
		return nil, err
	}
	if dir != "" {
		info, err := os.Stat(dir)
		if err != nil || !info.IsDir() {
			return nil, fmt.Errorf("không mở được thư mục mẫu %q: cần một thư mục chứa các tệp mẫu .md (xuất mẫu có sẵn bằng: thidua templates export %s)", dir, dir)
		}
		if err := s.addAll(os.DirFS(dir), dir); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Set) addAll(fsys fs.FS, dir string) error {
	names, err := fs.Glob(fsys, "*"+Ext)
	if err != nil {
		return err
	}
	var errs []error
	var total int64 // bytes read from a user's folder: all its templates stay in memory
	for _, n := range names {
		label := "templates/" + n
		var src []byte
		if dir == "" {
			src, err = fs.ReadFile(fsys, n)
		} else {
			// A user's folder: each file through the size and type guard.
			label = filepath.Join(dir, n)
			src, err = input.ReadFile(label, input.Text)
			var ie *input.Error
			if errors.As(err, &ie) {
				err = &Error{File: label, Msg: "không đọc được mẫu: " + ie.Why, Hint: ie.Hint}
			}
			total += int64(len(src))
			if limit, _ := input.Text.Limit(); total > limit {
				return errors.Join(append(errs, &Error{File: dir, Msg: "các tệp mẫu .md trong thư mục cộng lại lớn hơn giới hạn " + input.FormatSize(limit),
					Hint: "chỉ để trong thư mục các mẫu đã sửa; nếu cần mẫu lớn hơn, nâng giới hạn bằng biến môi trường " + input.Text.Env + " (xem docs/gioi-han.md)"})...)
			}
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t, err := Parse(label, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s.byName[t.Name] = t
	}
	return errors.Join(errs...)
}

// Names lists the templates in name order.
func (s *Set) Names() []string {
	var out []string
	for n := range s.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Get returns the template of a name.
func (s *Set) Get(name string) (*Template, bool) {
	t, ok := s.byName[name]
	return t, ok
}

// Pick returns the templates named in a comma-separated list, or, when
// the list is empty, every template whose sections the data has.
func (s *Set) Pick(list string, data map[string]any) ([]*Template, error) {
	var out []*Template
	if strings.TrimSpace(list) == "" {
		for _, n := range s.Names() {
			if t := s.byName[n]; t.Applies(data) {
				out = append(out, t)
			}
		}
		return out, nil
	}
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		t, ok := s.byName[n]
		if !ok {
			return nil, fmt.Errorf("không có mẫu giấy tờ %q; các mẫu có: %s", n, strings.Join(s.Names(), ", "))
		}
		if !t.Applies(data) {
			return nil, fmt.Errorf("bản ghi không có phần [%s] mà mẫu %q cần", strings.Join(t.Front.Can, "], ["), n)
		}
		out = append(out, t)
	}
	return out, nil
}

// Names lists the names of templates, as record.Need takes them.
func Names(tpls []*Template) []string {
	out := make([]string, len(tpls))
	for i, t := range tpls {
		out[i] = t.Name
	}
	return out
}
