package fill

import (
	"fmt"
	"strings"

	"thidua/internal/suggest"
)

// Schema lists the field paths a record can have, so that Parse reports a
// tag naming a field no record has (a typo) before any data is seen.
//
// Paths are written with dots; "[]" after a name marks a list whose items
// have the fields that follow: "cum.ten", "thanh_vien[].thu_truong.ho_ten",
// "giao_uoc.noi_dung[]" (a list of lines).
type Schema struct {
	root *schemaNode
}

type schemaNode struct {
	kids map[string]*schemaNode // fields of an object
	item *schemaNode            // non-nil: the node is a list of these
}

// NewSchema builds a Schema from field paths.
func NewSchema(paths ...string) (*Schema, error) {
	s := &Schema{root: &schemaNode{kids: map[string]*schemaNode{}}}
	for _, p := range paths {
		if err := s.add(p); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Schema) add(p string) error {
	n := s.root
	for _, name := range strings.Split(p, ".") {
		list := strings.HasSuffix(name, "[]")
		name = strings.TrimSuffix(name, "[]")
		if name == "" || strings.ContainsAny(name, "[] \t") {
			return fmt.Errorf("đường dẫn trường không hợp lệ: %q", p)
		}
		if n.item != nil {
			return fmt.Errorf("đường dẫn %q: phần trước %q là danh sách, phải viết kèm []", p, name)
		}
		if n.kids == nil {
			n.kids = map[string]*schemaNode{}
		}
		k := n.kids[name]
		if k == nil {
			k = &schemaNode{}
			n.kids[name] = k
		}
		if list {
			if k.item == nil {
				if k.kids != nil {
					return fmt.Errorf("đường dẫn %q: %q vừa là danh sách vừa là nhóm", p, name)
				}
				k.item = &schemaNode{}
			}
			k = k.item
		} else if k.item != nil {
			return fmt.Errorf("đường dẫn %q: %q là danh sách, phải viết %s[]", p, name, name)
		}
		n = k
	}
	return nil
}

// resolve follows path from n; on failure it says why, naming the full
// path as prefix+path.
func (n *schemaNode) resolve(prefix string, path []string) (*schemaNode, string) {
	full := joinPath(prefix, strings.Join(path, "."))
	for i, name := range path {
		here := joinPath(prefix, strings.Join(path[:i], "."))
		switch {
		case n.item != nil:
			return nil, fmt.Sprintf("%q là danh sách, không có trường %q; hãy lấy từng mục bằng {{range .%s}} ... {{.%s}} ... {{end}}", here, name, strings.Join(path[:i], "."), strings.Join(path[i:], "."))
		case n.kids == nil:
			return nil, fmt.Sprintf("%q là một giá trị, không có trường con %q", here, name)
		}
		k := n.kids[name]
		if k == nil {
			msg := fmt.Sprintf("trường %q không có trong hồ sơ", full)
			if alt := suggest.Closest(name, sortedKeys(n.kids)); alt != "" {
				msg += fmt.Sprintf("; có phải %q?", joinPath(here, alt))
			} else if here == "" {
				msg += "; các nhóm có: " + strings.Join(sortedKeys(n.kids), ", ")
			} else {
				msg += fmt.Sprintf("; %q có các trường: %s", here, strings.Join(sortedKeys(n.kids), ", "))
			}
			return nil, msg
		}
		n = k
	}
	return n, ""
}

func joinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "." + b
}
