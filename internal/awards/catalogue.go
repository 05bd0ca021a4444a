// Package awards knows the Vietnamese awards a cluster proposes (Cờ thi
// đua, Bằng khen, Giấy khen, Chiến sĩ thi đua, ...) and what they are
// worth: a catalogue read from data (templates/khen-thuong.toml, which a
// user may replace) holds each award with its prize coefficient under
// each regime (the decree in force on a date), and the base salary by
// date. Compute applies it to a record's nominees: prize money, vote
// shares and thresholds, lists by award.
package awards

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"thidua/internal/input"
	"thidua/internal/record"
	"thidua/internal/vn"
	"thidua/templates"
)

// Award is one award or title of the catalogue.
type Award struct {
	ID   string // "co-thi-dua-chinh-phu"
	Name string // "Cờ thi đua của Chính phủ"
	// Aliases are other names records give it ("Cờ thi đua cấp tỉnh").
	Aliases []string
	// Title is true for a danh hiệu thi đua (Cờ thi đua, Chiến sĩ thi đua,
	// Lao động tiên tiến, ...), false for a hình thức khen thưởng.
	Title bool
	// For lists who may receive it: record.Collective, record.Individual.
	For []string
	// Decider is who grants it, as the submission names them.
	Decider string
	// Threshold is the minimum share of votes for, in percent; 0: none.
	Threshold int
	// Leader, when set, is the rule by which the award goes to the unit
	// leading its cluster (khối, cụm): a nominee ranked lower gets a note
	// from check.
	Leader string
	// coefs maps a regime id to the coefficients for a collective and for
	// an individual; 0 is unknown.
	coefs map[string][2]Coef
}

// Coef returns the coefficient of the award for a kind of nominee
// (record.Collective or record.Individual) under a regime; false when the
// catalogue does not know it.
func (a *Award) Coef(regime, kind string) (Coef, bool) {
	c := a.coefs[regime][targetIndex(kind)]
	return c, c > 0
}

// Gives reports whether the award is given to a kind of nominee.
func (a *Award) Gives(kind string) bool { return slices.Contains(a.For, kind) }

func targetIndex(kind string) int {
	if kind == record.Individual {
		return 1
	}
	return 0
}

// Regime is the decree that sets the coefficients from a date on, until
// the next regime.
type Regime struct {
	ID     string // "nd152-2025"
	Name   string // "Nghị định số 152/2025/NĐ-CP"
	From   record.Date
	Source string // the articles the coefficients come from
}

// Salary is the base salary (mức lương cơ sở) from a date on.
type Salary struct {
	From   record.Date
	Amount Money  // đồng a month
	Source string // the decree that sets it
}

// Catalogue is the awards, the regimes and the base salary table.
type Catalogue struct {
	File     string
	Awards   []*Award // in the catalogue's order: the order of lists
	Regimes  []Regime // by date
	Salaries []Salary // by date
	byID     map[string]*Award
	rank     map[string]int
}

// Award returns the award of an id.
func (c *Catalogue) Award(id string) (*Award, bool) {
	a, ok := c.byID[id]
	return a, ok
}

// Named returns the award a name stands for: its name or one of its
// other names, whatever the case, spacing, tone-mark placement or the
// spelling "sỹ".
func (c *Catalogue) Named(name string) (*Award, bool) {
	k := Key(name)
	for _, a := range c.Awards {
		if Key(a.Name) == k {
			return a, true
		}
		for _, alias := range a.Aliases {
			if Key(alias) == k {
				return a, true
			}
		}
	}
	return nil, false
}

// Threshold returns the least share of votes, in percent, that the award
// a name stands for needs in the vote of the Hội đồng Thi đua - Khen
// thưởng (the decree's share); false when the catalogue sets none.
func (c *Catalogue) Threshold(name string) (int, bool) {
	a, ok := c.Named(name)
	if !ok || a.Threshold == 0 {
		return 0, false
	}
	return a.Threshold, true
}

// Key is how award names compare: case, spacing, tone-mark placement and
// the spelling "sỹ" do not matter.
func Key(name string) string {
	s := strings.ToLower(vn.Normalize(name, vn.ToneModern))
	s = strings.ReplaceAll(s, "sỹ", "sĩ")
	return strings.Join(strings.Fields(s), " ")
}

// IDs lists the ids of the awards in catalogue order.
func (c *Catalogue) IDs() []string {
	ids := make([]string, len(c.Awards))
	for i, a := range c.Awards {
		ids[i] = a.ID
	}
	return ids
}

// RegimeAt returns the regime in force on a date; false before the first.
func (c *Catalogue) RegimeAt(d record.Date) (Regime, bool) {
	return latest(c.Regimes, d, func(r Regime) record.Date { return r.From })
}

// SalaryAt returns the base salary in force on a date; false before the
// first entry of the table.
func (c *Catalogue) SalaryAt(d record.Date) (Salary, bool) {
	return latest(c.Salaries, d, func(s Salary) record.Date { return s.From })
}

// latest returns the last entry of a list sorted by date that starts on
// or before d.
func latest[T any](list []T, d record.Date, from func(T) record.Date) (T, bool) {
	var zero T
	t := d.Time()
	for i := len(list) - 1; i >= 0; i-- {
		if !from(list[i]).Time().After(t) {
			return list[i], true
		}
	}
	return zero, false
}

// The catalogue file's schema, read with the record's rules (record.DecodeFile).
type catalogueFile struct {
	Regimes  []regimeRow `toml:"che_do" label:"các chế độ tiền thưởng" item:"chế độ" required:"true"`
	Salaries []salaryRow `toml:"luong_co_so" label:"bảng lương cơ sở" item:"mức lương cơ sở" required:"true"`
	Awards   []awardRow  `toml:"hinh_thuc" label:"các hình thức khen thưởng" item:"hình thức" required:"true"`
}

type regimeRow struct {
	ID     string      `toml:"ma" label:"mã chế độ" required:"true" eg:"\"nd152-2025\""`
	Name   string      `toml:"ten" label:"tên văn bản" required:"true"`
	From   record.Date `toml:"tu_ngay" label:"ngày bắt đầu áp dụng" required:"true"`
	Source string      `toml:"can_cu" label:"điều khoản quy định hệ số"`
}

type salaryRow struct {
	From   record.Date `toml:"tu_ngay" label:"ngày bắt đầu áp dụng" required:"true"`
	Amount int         `toml:"muc" label:"mức lương cơ sở (đồng)" required:"true" eg:"2340000"`
	Source string      `toml:"can_cu" label:"văn bản quy định"`
}

type awardRow struct {
	ID        string       `toml:"ma" label:"mã hình thức" required:"true" eg:"\"giay-khen\""`
	Name      string       `toml:"ten" label:"tên hình thức" required:"true"`
	Aliases   record.Lines `toml:"ten_khac" label:"tên gọi khác" item:"tên gọi khác"`
	Kind      string       `toml:"loai" label:"loại" required:"true" eg:"\"danh-hieu\""`
	For       record.Lines `toml:"doi_tuong" label:"đối tượng" required:"true" eg:"[\"tap-the\", \"ca-nhan\"]"`
	Decider   string       `toml:"cap_tang" label:"cấp tặng"`
	Threshold int          `toml:"ty_le_phieu" label:"tỷ lệ phiếu tối thiểu (%)" eg:"80"`
	Leader    string       `toml:"dan_dau" label:"căn cứ tặng đơn vị dẫn đầu cụm, khối"`
	Coefs     []coefRow    `toml:"he_so" label:"hệ số tiền thưởng" item:"hệ số"`
}

type coefRow struct {
	Regime     string `toml:"che_do" label:"mã chế độ" required:"true" eg:"\"nd152-2025\""`
	Collective string `toml:"tap_the" label:"hệ số cho tập thể" eg:"\"1,5\""`
	Individual string `toml:"ca_nhan" label:"hệ số cho cá nhân" eg:"\"1,0\""`
}

// Kinds of award (hinh_thuc.loai).
const (
	kindTitle = "danh-hieu"   // danh hiệu thi đua
	kindAward = "khen-thuong" // hình thức khen thưởng
)

// Parse reads a catalogue; file names it in messages. The error, when not
// nil, is a record.Errors holding every problem found.
func Parse(file string, data []byte) (*Catalogue, error) {
	var cf catalogueFile
	f, err := record.DecodeFile(file, data, &cf)
	if err != nil {
		return nil, err
	}
	c := &Catalogue{File: file, byID: map[string]*Award{}, rank: map[string]int{}}
	var errs record.Errors
	regimes := map[string]bool{}
	for i, r := range cf.Regimes {
		p := fmt.Sprintf("che_do[%d]", i+1)
		if regimes[r.ID] {
			errs = append(errs, f.Errorf(p+".ma", "mỗi chế độ một mã riêng", "mã chế độ %q ghi hai lần", r.ID))
		}
		regimes[r.ID] = true
		if i > 0 && !r.From.Time().After(cf.Regimes[i-1].From.Time()) {
			errs = append(errs, f.Errorf(p+".tu_ngay", "xếp các chế độ theo ngày bắt đầu, cũ trước mới sau", "chế độ %s bắt đầu ngày %s, không sau chế độ đứng trước", r.ID, r.From))
		}
		c.Regimes = append(c.Regimes, Regime(r))
	}
	for i, s := range cf.Salaries {
		p := fmt.Sprintf("luong_co_so[%d]", i+1)
		if msg, hint, bad := record.BaseSalaryProblem(s.Amount, "muc"); bad {
			errs = append(errs, f.Errorf(p+".muc", hint, "%s", msg))
		}
		if i > 0 && !s.From.Time().After(cf.Salaries[i-1].From.Time()) {
			errs = append(errs, f.Errorf(p+".tu_ngay", "xếp bảng lương theo ngày bắt đầu, cũ trước mới sau", "mức lương từ ngày %s không sau mức đứng trước", s.From))
		}
		c.Salaries = append(c.Salaries, Salary{From: s.From, Amount: Money(s.Amount), Source: s.Source})
	}
	for i, row := range cf.Awards {
		a, aerrs := award(f, fmt.Sprintf("hinh_thuc[%d]", i+1), row, regimes)
		errs = append(errs, aerrs...)
		if _, dup := c.byID[a.ID]; dup {
			errs = append(errs, f.Errorf(fmt.Sprintf("hinh_thuc[%d].ma", i+1), "mỗi hình thức một mã riêng", "mã hình thức %q ghi hai lần", a.ID))
			continue
		}
		c.byID[a.ID] = a
		c.rank[a.ID] = i
		c.Awards = append(c.Awards, a)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// award reads one [[hinh_thuc]] of the catalogue at field path p.
func award(f *record.File, p string, row awardRow, regimes map[string]bool) (*Award, record.Errors) {
	var errs record.Errors
	a := &Award{ID: row.ID, Name: row.Name, Aliases: row.Aliases, Title: row.Kind == kindTitle, Decider: row.Decider, Threshold: row.Threshold, Leader: row.Leader, coefs: map[string][2]Coef{}}
	if row.Kind != kindTitle && row.Kind != kindAward {
		errs = append(errs, f.Errorf(p+".loai", `ghi loai = "danh-hieu" (danh hiệu thi đua) hoặc loai = "khen-thuong" (hình thức khen thưởng)`, "loại %q không có", row.Kind))
	}
	for j, t := range row.For {
		if t != record.Collective && t != record.Individual {
			errs = append(errs, f.Errorf(fmt.Sprintf("%s.doi_tuong[%d]", p, j+1), `ghi "tap-the", "ca-nhan" hoặc cả hai: doi_tuong = ["tap-the", "ca-nhan"]`, "đối tượng %q không có", t))
			continue
		}
		a.For = append(a.For, t)
	}
	if row.Threshold < 0 || row.Threshold > 100 {
		errs = append(errs, f.Errorf(p+".ty_le_phieu", "ghi phần trăm từ 1 đến 100, hoặc bỏ dòng này", "tỷ lệ phiếu %d không hợp lệ", row.Threshold))
	}
	for j, cr := range row.Coefs {
		cp := fmt.Sprintf("%s.he_so[%d]", p, j+1)
		if !regimes[cr.Regime] {
			errs = append(errs, f.Errorf(cp+".che_do", "ghi mã của một chế độ trong [[che_do]]", "không có chế độ %q", cr.Regime))
			continue
		}
		if _, dup := a.coefs[cr.Regime]; dup {
			errs = append(errs, f.Errorf(cp+".che_do", "mỗi chế độ một dòng hệ số", "hệ số theo chế độ %q ghi hai lần", cr.Regime))
		}
		var pair [2]Coef
		for k, s := range [2]string{cr.Collective, cr.Individual} {
			if s == "" {
				continue
			}
			key := [2]string{"tap_the", "ca_nhan"}[k]
			kind := [2]string{record.Collective, record.Individual}[k]
			if !a.Gives(kind) {
				errs = append(errs, f.Errorf(cp+"."+key, "bỏ hệ số này, hoặc thêm đối tượng vào doi_tuong", "%s không tặng cho %s mà có hệ số", a.Name, KindWord(kind)))
				continue
			}
			c, err := ParseCoef(s)
			if err != nil {
				errs = append(errs, f.Errorf(cp+"."+key, `ví dụ: `+key+` = "1,5"`, "%v", err))
				continue
			}
			pair[k] = c
		}
		a.coefs[cr.Regime] = pair
	}
	return a, errs
}

// KindWord names a kind of nominee in words: "tập thể", "cá nhân".
func KindWord(kind string) string {
	if kind == record.Individual {
		return "cá nhân"
	}
	return "tập thể"
}

// CatalogueName is the file name of the built-in catalogue, as
// `templates export` writes it.
const CatalogueName = "khen-thuong.toml"

var builtin = sync.OnceValues(func() (*Catalogue, error) {
	data, err := fs.ReadFile(templates.FS, CatalogueName)
	if err != nil {
		return nil, err
	}
	return Parse("templates/"+CatalogueName, data)
})

// Builtin returns the catalogue embedded in thidua. It panics if that
// file is broken, which the tests rule out.
func Builtin() *Catalogue {
	c, err := builtin()
	if err != nil {
		panic("awards: built-in catalogue: " + err.Error())
	}
	return c
}

// Load reads a user's catalogue file.
func Load(path string) (*Catalogue, error) {
	data, err := input.ReadFile(path, input.Text)
	if err != nil {
		return nil, record.ReadError(path, "không đọc được danh mục khen thưởng: ",
			"xuất danh mục có sẵn bằng: thidua templates export THƯ_MỤC, sửa tệp "+CatalogueName+" rồi chỉ đến nó", err)
	}
	return Parse(path, data)
}

// kinds lists a nominee kind's words for messages.
func kindsWords(kinds []string) string {
	w := make([]string, len(kinds))
	for i, k := range kinds {
		w[i] = KindWord(k)
	}
	return strings.Join(w, ", ")
}
