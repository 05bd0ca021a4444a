package forms

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"thidua/internal/doc"
	"thidua/internal/frame"
	"thidua/internal/vn"
)

// Applies reports whether data has every record section the template
// needs (its front matter's "can") and, for a paper made per item, the
// list of items (its "moi").
func (t *Template) Applies(data map[string]any) bool {
	for _, key := range t.Front.Can {
		if _, ok := lookup(data, key); !ok {
			return false
		}
	}
	if t.Front.Moi != "" {
		if _, ok := lookup(data, t.Front.Moi); !ok {
			return false
		}
	}
	return true
}

// ItemKey is the key under which a paper made per item finds its item.
const ItemKey = "muc"

// Each returns the data of every paper the template makes from data: one
// per item of the list its front matter's "moi" names, each a copy of
// data with the item under "muc"; data alone for a template without
// "moi". A missing or empty list makes no paper.
func (t *Template) Each(data map[string]any) []map[string]any {
	if t.Front.Moi == "" {
		return []map[string]any{data}
	}
	v, _ := lookup(data, t.Front.Moi)
	items, _ := v.([]map[string]any)
	out := make([]map[string]any, len(items))
	places := placesOf(data) // once for all the papers, not once a paper
	for i, item := range items {
		m := make(map[string]any, len(data)+2)
		maps.Copy(m, data)
		m[ItemKey] = item
		m[placesKey] = places
		out[i] = m
	}
	return out
}

// placesKey holds, in a record's data, its place names: frame.Places
// walks the whole data, which for a dossier of a thousand nominees costs
// more than the paper itself.
const placesKey = "\x00places"

// KeepPlaces stores in data, made once and read by many papers, the place
// names the frame keeps whole, so that each paper need not look for them.
// Call it when data is complete and before papers are built from it.
func KeepPlaces(data map[string]any) {
	data[placesKey] = frame.Places(data)
}

// placesOf returns the place names the frame keeps whole for data.
func placesOf(data map[string]any) *frame.PlaceNames {
	if p, ok := data[placesKey].(*frame.PlaceNames); ok {
		return p
	}
	return frame.Places(data)
}

// executeFront executes the front matter's template fields over data.
func (t *Template) executeFront(data map[string]any) (map[string]string, error) {
	front := map[string]string{}
	for key, tt := range t.front {
		s, err := execute(tt, data)
		if err != nil {
			return nil, fmt.Errorf("%s", cleanTemplateError(err))
		}
		// Blanks that start a line are kept: "so" leaves room for a
		// number written by hand ("        /TTr-UBND").
		s = strings.TrimRight(strings.TrimLeft(s, "\r\n"), " \t\r\n")
		if !multiLine[key] {
			// a line break a record gives in a name counts only in the frame
			s = strings.ReplaceAll(s, "\n", " ")
		}
		front[key] = s
	}
	return front, nil
}

// headOf is the header and title the front matter gives for data.
func (t *Template) headOf(front map[string]string, data map[string]any) frame.Head {
	return frame.Head{
		Parent:    front["co_quan_chu_quan"],
		Issuer:    front["co_quan_ban_hanh"],
		Number:    front["so"],
		PlaceDate: front["dia_danh_ngay"],
		Type:      front["ten_loai"],
		Summary:   front["trich_yeu"],
		Letter:    t.Front.CongVan,
		To:        lines(front["kinh_gui"]),
		Break:     frame.Breaker{Places: placesOf(data)},
	}
}

// Head returns what the paper's NĐ30 header and title say for data, for
// outputs other than the laid-out paper (a spreadsheet of its table).
func (t *Template) Head(data map[string]any) (frame.Head, error) {
	front, err := t.executeFront(data)
	if err != nil {
		return frame.Head{}, err
	}
	return t.headOf(front, data), nil
}

// Build executes the template over data and lays out the paper.
func (t *Template) Build(data map[string]any) (*doc.Document, error) {
	front, err := t.executeFront(data)
	if err != nil {
		return nil, err
	}
	body, err := run(t.body, data)
	if err != nil {
		return nil, fmt.Errorf("%s", cleanTemplateError(err))
	}
	// the document holds copies of the text it takes from body
	defer release(body)
	head := t.headOf(front, data)
	first := &doc.Section{Numbered: true, Blocks: head.Blocks()}
	sections, bodyEnd, err := convert(body.Bytes(), first, head.Break)
	if err != nil {
		return nil, err
	}
	var sigs []frame.Sig
	for _, s := range t.Front.Ky {
		found, err := signers(data, s)
		if err != nil {
			return nil, err
		}
		sigs = append(sigs, found...)
	}
	// The signatures end the body, before any appendix; the closing
	// paragraph stays on their page.
	last := sections[bodyEnd]
	if n := len(last.Blocks); n > 0 && len(sigs) > 0 {
		if p, ok := last.Blocks[n-1].(*doc.Paragraph); ok {
			p.Props.KeepNext = true
		}
	}
	last.Blocks = append(last.Blocks, frame.Signatures(lines(front["noi_nhan"]), sigs, head.Break)...)
	title := head.Type
	if head.Summary != "" {
		title += " - " + head.Summary
	}
	return &doc.Document{Title: strings.TrimSpace(title), Subject: strings.Join(strings.Fields(head.Issuer), " "), Sections: sections}, nil
}

// multiLine are the front matter's fields whose line breaks count: the
// bodies' names (where the record may say where a line ends) and the
// lists of recipients, one per line.
var multiLine = map[string]bool{"co_quan_chu_quan": true, "co_quan_ban_hanh": true, "kinh_gui": true, "noi_nhan": true}

// FileName returns the paper's output name without extension, as its
// front matter's ten_tep makes it (not yet made safe).
func (t *Template) FileName(data map[string]any) (string, error) {
	tt, ok := t.front["ten_tep"]
	if !ok {
		return t.Name, nil
	}
	s, err := execute(tt, data)
	return strings.Join(strings.Fields(s), " "), err
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// lookup follows a dotted path through nested maps.
func lookup(data map[string]any, path string) (any, bool) {
	var cur any = data
	for _, k := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[k]; !ok || cur == nil {
			return nil, false
		}
	}
	return cur, true
}

// signers reads signature blocks at s.Nguoi: a person (ho_ten, chuc_vu,
// tham_quyen), a list of persons, or a list of member units, each
// signed by its head (thu_truong).
func signers(data map[string]any, s Signer) ([]frame.Sig, error) {
	v, ok := lookup(data, s.Nguoi)
	if !ok {
		return nil, fmt.Errorf("mẫu cần người ký ở %q nhưng bản ghi không có", s.Nguoi)
	}
	var people []map[string]any
	switch x := v.(type) {
	case map[string]any:
		people = []map[string]any{x}
	case []map[string]any:
		people = x
	default:
		return nil, fmt.Errorf("%q không phải là người ký (cần ho_ten, chuc_vu)", s.Nguoi)
	}
	var out []frame.Sig
	for _, p := range people {
		unit := p
		head, member := p["thu_truong"].(map[string]any)
		if member {
			p = head
		}
		sig := frame.Sig{Title: str(p["chuc_vu"]), Name: str(p["ho_ten"])}
		switch a := p["tham_quyen"].(type) {
		case []string:
			sig.Authority = slices.Clone(a)
		case string:
			sig.Authority = []string{a}
		}
		if s.ChucDanh != "" {
			sig.Authority, sig.Title = nil, s.ChucDanh
		} else if member && len(people) > 1 {
			nameUnit(&sig, str(unit["ten"]), str(unit["ten_ngan"]))
		}
		out = append(out, sig)
	}
	return out, nil
}

// nameUnit makes the block of one of several units signing together
// say which unit it signs for, as a joint paper does ("GIÁM ĐỐC SỞ TÀI
// CHÍNH TỈNH BÌNH AN", "KT. TRƯỞNG BAN QUẢN LÝ ... / PHÓ TRƯỞNG BAN"),
// unless one of its lines names the unit already ("TM. ỦY BAN NHÂN DÂN
// TỈNH NGHỆ AN"): the unit's full name joins its first line.
func nameUnit(sig *frame.Sig, name, short string) {
	name = vn.OneSpaced(name) // a "\n" of the record's own breaks
	if name == "" {
		return
	}
	lname, lshort := strings.ToLower(name), strings.ToLower(short)
	names := func(line string) bool {
		l := strings.ToLower(vn.OneSpaced(line))
		return strings.Contains(l, lname) || lshort != "" && strings.Contains(l, lshort)
	}
	if slices.ContainsFunc(sig.Authority, names) || names(sig.Title) {
		return
	}
	for i, a := range sig.Authority {
		if strings.TrimSpace(a) != "" {
			sig.Authority[i] = vn.PositionAt(a, name)
			return
		}
	}
	if sig.Title != "" {
		sig.Title = vn.PositionAt(sig.Title, name)
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
