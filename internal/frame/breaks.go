package frame

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"thidua/fonts"
	"thidua/internal/doc"
	"thidua/internal/vn"
)

// Frame texts (issuing bodies, authorities, titles, names, Nơi nhận items)
// break where clerks break them: only at the joints of a name, never inside
// a fixed phrase ("Ủy ban nhân dân"), an administrative unit with its name
// ("tỉnh Hà Tĩnh", "các tỉnh Bắc Trung Bộ") or a place name of the record,
// with the lines of a centred text as even as the joints allow. The frame
// computes the breaks itself and writes them into the text as "\n", with
// no-break spaces (U+00A0) inside the joints of a text that wraps, so that
// Word, LibreOffice and the PDF show the same lines. A "\n" the record
// writes in such a field is kept as a break of its own.

// NBSP is the no-break space that joins the words of a joint.
const NBSP = "\u00a0"

// Glue strengths between two words. A group of glued words wider than
// the column gives way at its weakest glue first: a soft joint ("Hội đồng
// Thi đua - Khen thưởng", "Cụm thi đua"), then a unit and its name
// ("huyện Bạch Long Vĩ"), then a fixed phrase or a place name.
const (
	free = iota // words that may part: the zero glue
	soft
	unit
	hard
)

// phrase is a fixed phrase, in lower case, with the strength of its glue.
type phrase struct {
	words []string
	glue  int
}

// phrases are the fixed phrases of names and titles.
var phrases = []phrase{
	{strings.Fields("hội đồng thi đua - khen thưởng"), soft},
	{strings.Fields("ban thi đua - khen thưởng"), soft},
	{strings.Fields("thi đua - khen thưởng"), hard},
	{strings.Fields("ủy ban nhân dân"), hard},
	{strings.Fields("hội đồng nhân dân"), hard},
	{strings.Fields("cụm thi đua"), soft},
	{strings.Fields("khối thi đua"), soft},
	{strings.Fields("trung ương"), hard},
	{strings.Fields("phó chủ tịch"), hard},
	// heads of a province's agencies, whose titles name them
	{strings.Fields("chánh thanh tra"), hard},
	{strings.Fields("chánh văn phòng"), hard},
	{strings.Fields("trưởng ban"), hard},
	{strings.Fields("tổng giám đốc"), hard},
	{strings.Fields("hợp tác xã"), hard},
	{strings.Fields("chủ tịch"), hard},
	{strings.Fields("bí thư"), hard},
	{strings.Fields("chính phủ"), hard},
	{strings.Fields("cờ thi đua"), hard},
	{strings.Fields("bằng khen"), hard},
	{strings.Fields("chiến sĩ thi đua"), hard},
	{strings.Fields("sở nội vụ"), hard},
	{strings.Fields("họ và tên"), hard},
	{strings.Fields("chức vụ"), hard},
	{strings.Fields("việt nam"), hard},
	{strings.Fields("thành phố"), hard},
	{strings.Fields("thị xã"), hard},
	{strings.Fields("thị trấn"), hard},
	{strings.Fields("nhân dân"), hard},
}

// pairs are two-syllable words of the papers' titles that a line must not
// part ("CHUYÊN / ĐỀ"); most words of a title are such pairs, these are
// the ones the built-in papers use.
var pairs = strings.Split("danh hiệu,chuyên đề,toàn diện,đề nghị,danh sách,kèm theo,tờ trình,báo cáo,"+
	"biên bản,khen thưởng,thi đua,tổng hợp,kết quả,chấm điểm,xếp hạng,thành tích,tập thể,cá nhân,"+
	"lao động,xuất sắc,tiên tiến,giao ước,hội nghị,tổng kết,sơ kết,công tác,thủ tướng,bình xét,suy tôn,"+
	"đơn vị,thực hiện,nhiệm vụ,phong trào,chỉ tiêu,xác nhận,cấp trình,thủ trưởng,"+
	// table headings
	"đồng ý,kế hoạch,cùng kỳ,đánh giá,tỷ lệ,xếp loại,tổng điểm,ghi chú,hệ số,thành tiền,tiền thưởng,"+
	"số lượng,đối tượng,hình thức,tổng cộng,họ tên,"+
	// the names of a province's agencies, enterprises and schools
	"cơ quan,sự nghiệp,doanh nghiệp,nhà nước,công ty,cổ phần,trách nhiệm,hữu hạn,thành viên,"+
	"giám đốc,hiệu trưởng,văn phòng,thanh tra,dân tộc,tài chính,tư pháp,giáo dục,đào tạo,văn hóa,"+
	"thể thao,du lịch,hợp tác,đại học,cao đẳng,phát thanh,truyền hình,đầu tư,thương mại,xúc tiến,"+
	"quản lý,công nghiệp,nông nghiệp,môi trường,tài nguyên,xây dựng,giao thông,vận tải,khoa học,"+
	"công nghệ,thông tin,truyền thông,công thương,y tế,bảo hiểm,ngân hàng,kho bạc,mặt trận,tổ quốc,"+
	"liên đoàn,liên minh,xã hội,phụ nữ,thanh niên,nông dân,công an,quân sự,biên phòng,kiểm sát,tòa án,"+
	// the departments of a ministry, its schools and hospitals
	"cán bộ,tổ chức,tổng cục,biên tập,khí tượng,thủy văn,quy hoạch,thiết kế,trồng trọt,bảo vệ,thực vật,"+
	"phát triển,nông thôn,lâm nghiệp,thủy sản,thủy lợi,chăn nuôi,thú y,chất lượng,kinh tế,hành chính,"+
	"pháp chế,kế toán,ngân sách,chính trị,tuyên giáo,dân vận,kiểm tra,lưu trữ,học viện,trung tâm,"+
	"tạp chí,bệnh viện,đa khoa,trung học,phổ thông,tiểu học,mầm non,cơ sở,điều dưỡng,y học,cổ truyền,"+
	"phục hồi,chức năng,kiểm soát,bệnh tật,dịch bệnh,sản nhi,nhi đồng,ung bướu,lao động,thương binh", ",")

// periods of a review, kept whole in a title ("sơ kết 9 tháng đầu năm").
var periods = []string{"6 tháng đầu năm", "9 tháng đầu năm", "06 tháng đầu năm", "09 tháng đầu năm",
	"6 tháng cuối năm", "3 tháng cuối năm", "03 tháng cuối năm", "06 tháng cuối năm"}

// phrasesByFirst are the phrases by their first word.
var phrasesByFirst = map[string][]phrase{}

func init() {
	for _, p := range append(pairs, periods...) {
		phrases = append(phrases, phrase{strings.Fields(p), hard})
	}
	for _, p := range phrases {
		phrasesByFirst[p.words[0]] = append(phrasesByFirst[p.words[0]], p)
	}
}

// numbered are words that stay with the number after them: "ngày 28",
// "tháng 02", "năm 2024", "số 05/BC-CTĐ".
var numbered = map[string]bool{"ngày": true, "tháng": true, "năm": true, "số": true, "số:": true}

// units are the administrative units whose name follows them.
var units = [][]string{
	{"thành", "phố"}, {"thị", "xã"}, {"thị", "trấn"}, {"đặc", "khu"},
	{"tỉnh"}, {"huyện"}, {"quận"}, {"xã"}, {"phường"},
}

// unitLead are words that join the unit after them: "các tỉnh", "cấp
// tỉnh", "Khối huyện".
var unitLead = map[string]bool{"các": true, "cấp": true, "khối": true}

// Regions are the country's regions, kept whole like the record's places.
var Regions = []string{
	"Bắc Trung Bộ", "Nam Trung Bộ", "Duyên hải Nam Trung Bộ", "Tây Nguyên", "Đông Nam Bộ",
	"Tây Nam Bộ", "Đồng bằng sông Hồng", "Đồng bằng sông Cửu Long", "Tây Bắc", "Đông Bắc",
	"Duyên hải miền Trung", "Trung du và miền núi phía Bắc", "miền núi phía Bắc", "Đồng bằng Bắc Bộ",
	"miền Trung", "miền Bắc", "miền Nam", "Bắc Bộ", "Trung Bộ", "Nam Bộ",
}

// leads are the words that open a phrase of a name and do not end a line:
// "các / đơn vị" and "và / Môi trường" are broken before the word, as
// clerks break "BỘ NÔNG NGHIỆP / VÀ MÔI TRƯỜNG".
var leads = map[string]bool{"các": true, "và": true, "của": true, "những": true}

// agencies are the words of a ministry's departments, schools and
// hospitals that stay with the first word of their name: "Cục / Trồng
// trọt" is not broken, "Cục trưởng / Cục Trồng trọt" is.
var agencies = [][]string{
	{"bộ"}, {"vụ"}, {"cục"}, {"tổng", "cục"}, {"viện"}, {"học", "viện"}, {"báo"}, {"tạp", "chí"},
	{"trường"}, {"bệnh", "viện"}, {"sở"}, {"ban"}, {"trung", "tâm"}, {"đài"}, {"văn", "phòng"},
}

// startsWith reports whether w's first letter (after an opening bracket
// or quote) is one that is reports true for.
func startsWith(w string, is func(rune) bool) bool {
	for _, r := range w {
		if strings.ContainsRune("(\"“", r) {
			continue
		}
		return is(r)
	}
	return false
}

// authority matches the prefixes of a signing authority, which stay with
// the word after them: "TM.", "KT.", "Q.", "TL.", "TUQ.".
var authority = map[string]bool{"tm.": true, "kt.": true, "q.": true, "tl.": true, "tuq.": true}

// key is a word in lower case as joints compare it: without the
// punctuation around it.
func key(lower string) string {
	return strings.Trim(lower, " ,;.:()\"“”")
}

// closes reports whether w ends a clause (a comma or other punctuation
// after it), which ends any joint.
func closes(w string) bool {
	return strings.TrimRight(w, ",;:)") != w
}

// joints returns the glue between each word and the next.
func joints(words []string, places *PlaceNames, s *scratch) []int {
	n := len(words)
	s.glue = slices.Grow(s.glue[:0], max(n-1, 0))[:max(n-1, 0)]
	clear(s.glue)
	s.keys = slices.Grow(s.keys[:0], n)[:n]
	s.lower = slices.Grow(s.lower[:0], n)[:n]
	glue, keys, lower := s.glue, s.keys, s.lower
	upper := true // no lower-case letter: names cannot be told by capitals
	for i, w := range words {
		lower[i] = strings.ToLower(w)
		keys[i] = key(lower[i])
		if strings.IndexFunc(w, unicode.IsLower) >= 0 {
			upper = false
		}
	}
	mark := func(from, to, g int) { // words from..to-1 together
		for k := from; k < to-1; k++ {
			glue[k] = max(glue[k], g)
		}
	}
	// match reports whether the words at i are seq, with no punctuation
	// ending a word before the last.
	match := func(i int, seq []string) bool {
		if i+len(seq) > n {
			return false
		}
		for k, s := range seq {
			if keys[i+k] != s || k < len(seq)-1 && closes(words[i+k]) {
				return false
			}
		}
		return true
	}
	isUnit := func(i int) int {
		for _, u := range units {
			if match(i, u) {
				return len(u)
			}
		}
		return 0
	}
	for i := range words {
		if authority[lower[i]] && i+1 < n {
			mark(i, i+2, hard)
		}
		for _, p := range phrasesByFirst[keys[i]] {
			if match(i, p.words) {
				mark(i, i+len(p.words), p.glue)
			}
		}
		if places != nil {
			for _, names := range [2]*PlaceNames{places, regionNames} {
				for _, p := range names.byFirst[keys[i]] {
					if match(i, p) {
						mark(i, i+len(p), hard)
					}
				}
			}
		}
		if numbered[keys[i]] && i+1 < n && !closes(words[i]) {
			if r := strings.TrimLeft(words[i+1], " "); r != "" && (r[0] >= '0' && r[0] <= '9' || r[0] == '/') {
				mark(i, i+2, hard)
			}
		}
		// a whole date, "ngày 28 tháng 02 năm 2024", rather on one line
		if keys[i] == "ngày" && i+5 < n && keys[i+2] == "tháng" && keys[i+4] == "năm" {
			mark(i, i+6, soft)
		}
		if !upper && !closes(words[i]) && i+1 < n {
			// a name's segment: a capitalised word and the words in lower
			// case after it, up to a unit, a lead word or a comma ("Cục
			// Trồng trọt", "Bảo vệ thực vật", "Vụ trưởng", "Tổng Biên tập")
			// is one word or a compound, kept whole when it fits
			if startsWith(words[i], unicode.IsUpper) {
				for _, a := range agencies {
					if match(i, a) && i+len(a) < n && startsWith(words[i+len(a)], unicode.IsUpper) {
						mark(i, i+len(a)+1, unit)
					}
				}
				end := i + 1
				for end < n && startsWith(words[end], unicode.IsLower) && !leads[keys[end]] && isUnit(end) == 0 {
					end++
					if closes(words[end-1]) {
						break
					}
				}
				mark(i, end, soft)
			}
			if leads[keys[i]] {
				mark(i, i+2, soft)
			}
		}
		u := isUnit(i)
		if u == 0 {
			continue
		}
		from := i
		if i > 0 && unitLead[keys[i-1]] && !closes(words[i-1]) {
			from = i - 1
		}
		// the unit's name: the capitalised words after it (in a text
		// all in capitals, the words up to the next unit or comma)
		end := i + u
		if !closes(words[end-1]) {
			for end < n && end-(i+u) < 4 {
				r := []rune(strings.TrimLeft(words[end], "(\"“"))
				if len(r) == 0 || !upper && !unicode.IsUpper(r[0]) || upper && isUnit(end) > 0 {
					break
				}
				end++
				if closes(words[end-1]) {
					break
				}
			}
		}
		if end > i+u || from < i {
			mark(from, end, unit)
		}
	}
	return glue
}

// PlaceNames are the place names of a record (see Places), as words in
// lower case, by first word; a Breaker with them keeps those and the
// regions whole.
type PlaceNames struct {
	byFirst map[string][][]string
}

// add adds a name of two or more words (at most five), once.
func (p *PlaceNames) add(name string) {
	if strings.IndexFunc(strings.TrimSpace(name), unicode.IsSpace) < 0 {
		return // one word at most: nothing to keep whole
	}
	ws := strings.Fields(strings.ToLower(name))
	// a short name ending with a unit's word ("Thanh tra tỉnh", "Văn
	// phòng UBND tỉnh") does not hold that word: it belongs to the unit's
	// name after it ("Chánh Thanh tra / tỉnh Bình An")
	for len(ws) > 1 && slices.ContainsFunc(units, func(u []string) bool { return len(u) == 1 && u[0] == ws[len(ws)-1] }) {
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 {
		return
	}
	if len(ws) > 5 || slices.ContainsFunc(p.byFirst[ws[0]], func(q []string) bool { return slices.Equal(q, ws) }) {
		return
	}
	p.byFirst[ws[0]] = append(p.byFirst[ws[0]], ws)
}

// Places lists the place names of a record (its units' dia_danh and
// ten_ngan, found anywhere in the data), for the joints
// that keep them whole.
func Places(data map[string]any) *PlaceNames {
	p := &PlaceNames{byFirst: make(map[string][][]string, 16)}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && (k == "dia_danh" || k == "ten_ngan") {
					p.add(s)
					continue
				}
				walk(x)
			}
		case []map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(data)
	return p
}

// regionNames are the Regions, kept whole beside every record's Places.
var regionNames = func() *PlaceNames {
	p := &PlaceNames{byFirst: map[string][][]string{}}
	for _, r := range Regions {
		p.add(r)
	}
	return p
}()

// breakSafety is the room a computed line leaves at its end, so that a
// renderer rounding widths a little differently still keeps it whole.
const breakSafety = 1.0

// Breaker breaks frame texts at their joints, knowing the record's places.
type Breaker struct {
	Places *PlaceNames // nil: none, not even the regions
	// Verbatim leaves texts as they are given: no capitals, no breaks
	// (the tags of a Word form, which are filled later).
	Verbatim bool
}

// Join returns text with no-break spaces inside its joints (those that
// give way only to a column too narrow for them: fixed phrases, places,
// units with their names), so that a word processor laying it out
// greedily never breaks a line inside them. It serves Word forms, whose
// lines thidua does not break itself.
func (b Breaker) Join(text string) string {
	s := scratches.Get().(*scratch)
	defer s.release()
	var out []string
	for _, seg := range strings.Split(text, "\n") {
		words := strings.Fields(strings.ReplaceAll(seg, NBSP, " "))
		glue := joints(words, b.Places, s)
		var sb strings.Builder
		for i, w := range words {
			if i > 0 {
				if glue[i-1] >= unit {
					sb.WriteString(NBSP)
				} else {
					sb.WriteByte(' ')
				}
			}
			sb.WriteString(w)
		}
		out = append(out, sb.String())
	}
	return strings.Join(out, "\n")
}

// Centred returns text as the lines of a centred paragraph of style st in
// a column width wide: "\n" between lines, as few lines as the joints
// allow and as even as they can be; capitals when upper.
func (b Breaker) Centred(text string, st *doc.Style, width float64, upper bool) string {
	return b.lines(text, st, width, upper, true)
}

// Left returns text broken greedily at its joints, for a left-aligned
// paragraph (a line of Nơi nhận).
func (b Breaker) Left(text string, st *doc.Style, width float64) string {
	return b.lines(text, st, width, false, false)
}

func (b Breaker) lines(text string, st *doc.Style, width float64, upper, balance bool) string {
	if b.Verbatim {
		return text
	}
	face := fonts.Get(fonts.StyleOf(st.Bold, st.Italic))
	width -= breakSafety
	if st.Italic {
		width -= st.Size / 12 // the room word processors keep after a slanted last letter
	}
	s := scratches.Get().(*scratch)
	defer s.release()
	var out strings.Builder
	for rest, more := text, true; more; {
		var seg string
		seg, rest, more = strings.Cut(rest, "\n")
		src := strings.TrimSpace(strings.ReplaceAll(seg, NBSP, " "))
		s.words = splitWords(src, s.words[:0])
		words := s.words
		if len(words) == 0 {
			continue
		}
		shown := src // the text as printed: in capitals when upper
		if upper {
			shown = vn.Upper(src)
			s.shown = splitWords(shown, s.shown[:0])
		} else {
			s.shown = append(s.shown[:0], words...)
		}
		lines := ""
		if !fits(s.shown, face, st.Size, width, s) {
			glue := joints(words, b.Places, s)
			lines = layoutWords(s.shown, glue, face, st.Size, width, balance, s)
		}
		if lines == "" { // one line: the words with their spaces
			lines = shown
		}
		if out.Len() == 0 && !more {
			return lines // one segment: no copy
		}
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(lines)
	}
	return out.String()
}

// splitWords appends to out the words of text, cut at its spaces; a run of several spaces (the room
// left for a number written by hand: "số      /TTr") stays at the start
// of the word after it, so that joining the words with one space gives
// the text back.
func splitWords(text string, out []string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return out
	}
	for start := 0; start < len(text); {
		// the word from start: its leading blanks, then up to the next blank
		i := start
		for text[i] == ' ' {
			i++
		}
		end := strings.IndexByte(text[i:], ' ')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		out = append(out, text[start:end])
		start = end + 1
	}
	return out
}

// fits measures words into s.wordW and reports whether they fit on one
// line as they are: one word, or all of them with a space between no
// wider than width (as layoutWords counts a group).
func fits(words []string, face *fonts.Face, size, width float64, s *scratch) bool {
	wordW := s.wordW[:0]
	total := 0.0
	for _, w := range words {
		ww := face.Width(w, size)
		wordW = append(wordW, ww)
		total += ww
	}
	s.wordW = wordW
	return len(words) == 1 || total+float64(len(words)-1)*face.Width(" ", size) <= width
}

// layoutWords breaks words, measured by fits into s.wordW, into lines at
// the free joints between groups; it returns "" when they all fit on one
// line.
func layoutWords(words []string, glue []int, face *fonts.Face, size, width float64, balance bool, s *scratch) string {
	space := face.Width(" ", size)
	wordW := s.wordW
	// groups of glued words; a group wider than the line gives up its
	// soft glue, then its hard glue
	groupWidth := func(g group) float64 {
		w := 0.0
		for k := g.from; k < g.to; k++ {
			w += wordW[k]
		}
		return w + float64(g.to-g.from-1)*space
	}
	// split cuts g at its weakest glue, again in each part still too
	// wide, and appends the parts to groups
	groups := s.groups[:0]
	var split func(g group)
	split = func(g group) {
		if g.to-g.from == 1 || groupWidth(g) <= width {
			groups = append(groups, g)
			return
		}
		weakest := hard + 1
		for k := g.from; k < g.to-1; k++ {
			weakest = min(weakest, glue[k])
		}
		start := g.from
		for k := g.from; k < g.to-1; k++ {
			if glue[k] == weakest {
				split(group{start, k + 1})
				start = k + 1
			}
		}
		split(group{start, g.to})
	}
	split(group{0, len(words)})
	s.groups = groups
	n := len(groups)
	gw := s.gw[:0]
	for _, g := range groups {
		gw = append(gw, groupWidth(g))
	}
	s.gw = gw
	lineW := func(i, j int) float64 { // groups i..j-1 on a line
		w := 0.0
		for k := i; k < j; k++ {
			w += gw[k]
		}
		return w + float64(j-i-1)*space
	}
	// greedy: the fewest lines
	ends := s.ends[:0]
	for i := 0; i < n; {
		j := i + 1
		for j < n && lineW(i, j+1) <= width {
			j++
		}
		ends = append(ends, j)
		i = j
	}
	s.ends = ends
	if len(ends) == 1 {
		return ""
	}
	if balance {
		ends = balanced(n, len(ends), lineW, width, s)
	}
	var sb strings.Builder
	room := 0
	for _, w := range words {
		room += len(w) + len(NBSP)
	}
	sb.Grow(room)
	start := 0
	for li, end := range ends {
		if li > 0 {
			sb.WriteByte('\n')
		}
		for k := start; k < end; k++ {
			if k > start {
				sb.WriteByte(' ')
			}
			g := groups[k]
			for w := g.from; w < g.to; w++ {
				if w > g.from {
					sb.WriteString(NBSP)
				}
				sb.WriteString(words[w])
			}
		}
		start = end
	}
	return sb.String()
}

// group is a run of glued words, from..to-1.
type group struct{ from, to int }

// cost is what balanced minimises: the widest line, then the sum of the
// squares of the room left on each line.
type cost struct{ widest, squares float64 }

// scratch holds the slices that breaking a text needs, kept between
// texts in scratches.
type scratch struct {
	words, keys []string
	lower       []string
	shown       []string
	glue, ends  []int
	from        []int
	wordW, gw   []float64
	groups      []group
	best        []cost
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// release puts s back in scratches, holding no strings.
func (s *scratch) release() {
	clear(s.words[:cap(s.words)])
	clear(s.shown[:cap(s.shown)])
	clear(s.keys[:cap(s.keys)])
	clear(s.lower[:cap(s.lower)])
	scratches.Put(s)
}

// balanced splits n groups into k lines no wider than width, making the
// widest line as narrow as it can be, then the lines as even as they can
// be; it returns the end of each line.
func balanced(n, k int, lineW func(i, j int) float64, width float64, s *scratch) []int {
	less := func(a, b cost) bool {
		if math.Abs(a.widest-b.widest) > 1e-9 {
			return a.widest < b.widest
		}
		return a.squares < b.squares
	}
	inf := cost{math.Inf(1), math.Inf(1)}
	// best[l][j]: groups 0..j-1 on l lines
	// best[at(l, j)]: groups 0..j-1 on l lines
	at := func(l, j int) int { return l*(n+1) + j }
	size := (k + 1) * (n + 1)
	best := slices.Grow(s.best[:0], size)[:size]
	from := slices.Grow(s.from[:0], size)[:size]
	s.best, s.from = best, from
	for i := range best {
		best[i], from[i] = inf, 0
	}
	best[at(0, 0)] = cost{}
	for l := 1; l <= k; l++ {
		for j := 1; j <= n; j++ {
			for i := l - 1; i < j; i++ {
				prev := best[at(l-1, i)]
				if math.IsInf(prev.widest, 1) {
					continue
				}
				w := lineW(i, j)
				if w > width && j-i > 1 { // a group alone wider than the line takes one
					continue
				}
				c := cost{max(prev.widest, w), prev.squares + (width-w)*(width-w)}
				if less(c, best[at(l, j)]) {
					best[at(l, j)], from[at(l, j)] = c, i
				}
			}
		}
	}
	ends := slices.Grow(s.ends[:0], k)[:k]
	s.ends = ends
	for l, j := k, n; l > 0; l-- {
		ends[l-1] = j
		j = from[at(l, j)]
	}
	return ends
}

// word is a word of a paragraph as the renderers measure it: its width
// and that of the spaces before it.
type word struct{ w, before float64 }

// measure appends p's words to words; false when p holds a line break.
func measure(p *doc.Paragraph, words []word) ([]word, bool) {
	pr := &p.Props
	pending := 0.0
	for _, r := range p.Runs {
		face := fonts.Get(fonts.StyleOf(pr.Bold || r.Bold, pr.Italic || r.Italic))
		s := r.Text
		for i := 0; ; i++ {
			part, rest, more := strings.Cut(s, " ")
			if i > 0 {
				pending += face.Width(" ", pr.Size)
			}
			if part != "" {
				if strings.Contains(part, "\n") {
					return nil, false
				}
				w := face.Width(part, pr.Size)
				if i == 0 && len(words) > 0 && pending == 0 {
					words[len(words)-1].w += w // a word split across runs
				} else {
					words = append(words, word{w, pending})
					pending = 0
				}
			}
			if !more {
				break
			}
			s = rest
		}
	}
	return words, true
}

// fill fills a column width wide with p's words greedily, as the
// renderers do, and returns the number of lines and the index of the last
// line's first word.
func fill(p *doc.Paragraph, words []word, width float64) (lines, last int) {
	pr := &p.Props
	avail := width - pr.Left - pr.Right - pr.FirstLine
	lines = 1
	cur := 0.0
	for i, w := range words {
		if i > last && cur+w.before+w.w > avail {
			avail = width - pr.Left - pr.Right
			lines++
			last = i
			cur = w.w
			continue
		}
		if i > last {
			cur += w.before
		}
		cur += w.w
	}
	return lines, last
}

// LineCount is about how many lines p takes in a column width wide: the
// renderers' greedy filling without their finer points (hyphens, the
// italic correction), good for choosing widths, not for placing text.
func LineCount(p *doc.Paragraph, width float64) int { return Measure(p).Lines(width) }

// Measured is a paragraph measured once, to count its lines in many widths.
type Measured struct {
	p     *doc.Paragraph
	words []word
	ok    bool
}

// Measure measures p's words.
func Measure(p *doc.Paragraph) Measured {
	words, ok := measure(p, nil)
	return Measured{p, words, ok}
}

// Lines is LineCount for the measured paragraph.
func (m Measured) Lines(width float64) int {
	if !m.ok {
		return strings.Count(m.p.Text(), "\n") + 1
	}
	n, _ := fill(m.p, m.words, width)
	return n
}

// AvoidRunt keeps the last two words of a justified paragraph together
// (a no-break space between them) when its last line would otherwise
// hold one word alone, as "ương." under a full line: the lines are
// counted the way the renderers fill them, greedily, in a column width
// wide. Both renderers then break the paragraph alike, since the joint is
// in the text.
func AvoidRunt(p *doc.Paragraph, width float64) {
	var buf [64]word // most paragraphs' words, without a heap slice
	words, ok := measure(p, buf[:0])
	if !ok || len(words) < 3 {
		return
	}
	if n, last := fill(p, words, width); n < 2 || last != len(words)-1 {
		return
	}
	// the last space before the last word becomes a no-break space
	seen := false
	for k := len(p.Runs) - 1; k >= 0; k-- {
		t := p.Runs[k].Text
		for i := len(t) - 1; i >= 0; i-- {
			switch {
			case t[i] != ' ':
				seen = true
			case seen:
				if i > 0 && t[i-1] == ' ' || i == 0 && k == 0 {
					return // several spaces: leave them
				}
				p.Runs[k].Text = t[:i] + NBSP + t[i+1:]
				return
			}
		}
	}
}
