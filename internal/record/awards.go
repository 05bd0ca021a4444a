package record

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"unicode"

	"thidua/internal/fieldpath"
	"thidua/internal/vn"
)

// Who voted on the proposals (khen_thuong.bieu_quyet). The shares of the
// decrees (80%, 90%) bind the Hội đồng Thi đua - Khen thưởng; a cluster's
// own vote takes the shares its record gives.
const (
	VotedByCluster = "cum"
	VotedByCouncil = "hoi-dong"
)

// Award proposals (issue 5): the [khen_thuong] table says who proposes,
// when and to whom; every [[de_nghi]] is one unit or person proposed.
// Package awards adds what the award catalogue decides (coefficients,
// prize money, vote thresholds).

// Nominee kinds (de_nghi.loai).
const (
	Collective = "tap-the" // a unit, a collective
	Individual = "ca-nhan" // a person
)

// Awards is the proposing body's side of the nomination dossiers.
type Awards struct {
	Issuer string `toml:"co_quan_de_nghi" label:"cơ quan đề nghị khen thưởng" required:"true" breaks:"true"`
	Parent string `toml:"co_quan_chu_quan" label:"cơ quan chủ quản của cơ quan đề nghị" breaks:"true"`
	Symbol string `toml:"ky_hieu" label:"ký hiệu tờ trình" required:"true" eg:"\"TTr-UBND\""`
	// Date is the date of the submissions (tờ trình) and the reports.
	Date Date `toml:"ngay" label:"ngày tờ trình" required:"true"`
	// Place defaults to the host's, else the cluster head's dia_danh.
	Place string `toml:"dia_danh" label:"địa danh ghi ở dòng ngày tháng"`
	// Year is the year of the achievements; defaults to cum.nam.
	Year int `toml:"nam" label:"năm của thành tích" eg:"2023"`
	// Reason completes "tặng ... cho ..., <reason>".
	Reason string `toml:"ly_do" label:"lý do khen thưởng"`
	// DecisionDate chooses the coefficients and the base salary of the
	// prize money; defaults to Date.
	DecisionDate Date   `toml:"ngay_quyet_dinh" label:"ngày quyết định khen thưởng (dự kiến)"`
	To           Lines  `toml:"kinh_gui" label:"nơi kính gửi" item:"nơi kính gửi" required:"true"`
	Bases        Lines  `toml:"can_cu" label:"căn cứ" item:"căn cứ"`
	Signer       Signer `toml:"nguoi_ky" label:"người ký tờ trình" required:"true"`
	Recipients   Lines  `toml:"noi_nhan" label:"nơi nhận" item:"nơi nhận"`
	// BaseSalary, in đồng, replaces the catalogue's base salary.
	BaseSalary int `toml:"luong_co_so" label:"mức lương cơ sở (đồng)" eg:"2340000"`
	// Voters is the number entitled to vote; defaults to the number of
	// members.
	Voters int `toml:"so_nguoi_bieu_quyet" label:"số người, đơn vị có quyền biểu quyết" eg:"8"`
	// Body is who cast the votes of [[de_nghi]]: VotedByCluster (default)
	// or VotedByCouncil, whose shares the award catalogue holds.
	Body  string      `toml:"bieu_quyet" label:"nơi biểu quyết số phiếu đồng ý" eg:"\"hoi-dong\"" enum:"cum:các thành viên cụm,hoi-dong:Hội đồng Thi đua - Khen thưởng"`
	Kinds []AwardKind `toml:"hinh_thuc" label:"các hình thức khen thưởng của hồ sơ" item:"hình thức khen thưởng"`
}

// AwardKind is one award as this record proposes it: a name of its own
// (e.g. "Bằng khen toàn diện"), the body that grants it, the number of
// its submission, and coefficients that replace the catalogue's.
type AwardKind struct {
	ID string `toml:"ma" label:"mã hình thức" required:"true" eg:"\"bang-khen-toan-dien\""`
	// Of is the catalogue award it is; defaults to ID.
	Of      string `toml:"danh_muc" label:"mã trong danh mục khen thưởng" eg:"\"bang-khen-cap-bo-tinh\""`
	Name    string `toml:"ten" label:"tên hình thức"`
	Decider string `toml:"cap_tang" label:"cấp tặng"`
	Number  int    `toml:"so" label:"số tờ trình"`
	// Coefficients as written: "3,0". Package awards reads them.
	Collective string `toml:"he_so_tap_the" label:"hệ số tiền thưởng cho tập thể" eg:"\"3,0\""`
	Individual string `toml:"he_so_ca_nhan" label:"hệ số tiền thưởng cho cá nhân" eg:"\"1,5\""`
	// Threshold is the minimum share of votes for, in percent.
	Threshold int `toml:"ty_le_phieu" label:"tỷ lệ phiếu tối thiểu (%)" eg:"80"`
}

// Nominee is one unit or person proposed for an award.
type Nominee struct {
	Kind string `toml:"loai" label:"loại (tập thể hay cá nhân)" required:"true" enum:"tap-the:tập thể,ca-nhan:cá nhân" eg:"\"tap-the\""`
	// Name is the full name, without abbreviations.
	Name string `toml:"ten" label:"tên tập thể hoặc họ và tên cá nhân" required:"true"`
	// Award is the id of a record award kind or of a catalogue award.
	Award    string `toml:"hinh_thuc" label:"hình thức khen thưởng đề nghị" required:"true" eg:"\"co-thi-dua-chinh-phu\""`
	Member   string `toml:"thanh_vien" label:"mã thành viên" ref:"thanh_vien"`
	Position string `toml:"chuc_vu" label:"chức vụ"`
	Unit     string `toml:"don_vi" label:"đơn vị"`
	Address  string `toml:"dia_chi" label:"địa chỉ"`
	Place    string `toml:"dia_danh" label:"địa danh ghi ở báo cáo thành tích"`
	// Personal details of an individual's report (I. Sơ lược lý lịch).
	Birth     Date   `toml:"ngay_sinh" label:"ngày sinh"`
	Sex       string `toml:"gioi_tinh" label:"giới tính" enum:"Nam,Nữ" eg:"\"Nữ\""`
	Hometown  string `toml:"que_quan" label:"quê quán"`
	Residence string `toml:"tru_quan" label:"trú quán"`
	Education string `toml:"trinh_do" label:"trình độ chuyên môn, nghiệp vụ"`
	Honours   string `toml:"hoc_ham_hoc_vi" label:"học hàm, học vị, danh hiệu, giải thưởng"`
	// Report text, Markdown, one string a paragraph or block.
	Features     Lines `toml:"dac_diem" label:"đặc điểm, tình hình" item:"đoạn"`
	Duties       Lines `toml:"chuc_nang" label:"chức năng, nhiệm vụ" item:"đoạn"`
	Achievements Lines `toml:"thanh_tich" label:"thành tích đạt được" item:"đoạn" required:"true"`
	// The vote, when the record states it; package awards can take it
	// from the session's tally instead.
	Votes  int `toml:"phieu_dong_y" label:"số phiếu đồng ý"`
	Voters int `toml:"so_nguoi_bieu_quyet" label:"số người, đơn vị có quyền biểu quyết"`
	// Head signs the report for the unit; defaults to the member's head.
	Head *Signer `toml:"thu_truong" label:"thủ trưởng đơn vị"`
	// Certifier signs the certification by the level above; defaults to
	// khen_thuong.nguoi_ky.
	Certifier *Signer        `toml:"xac_nhan" label:"người ký xác nhận của cấp trên"`
	Titles    []EarlierAward `toml:"danh_hieu_thi_dua" label:"danh hiệu thi đua đã đạt" item:"danh hiệu thi đua"`
	Honoured  []EarlierAward `toml:"hinh_thuc_khen_thuong" label:"hình thức khen thưởng đã nhận" item:"hình thức khen thưởng"`
}

// EarlierAward is a title or award a nominee received before: a row of
// the tables in section III of the achievement report.
type EarlierAward struct {
	Year     string `toml:"nam" label:"năm" required:"true" eg:"\"2022\""`
	Name     string `toml:"ten" label:"tên danh hiệu, hình thức khen thưởng" required:"true"`
	Decision string `toml:"so_quyet_dinh" label:"số, ký hiệu quyết định" eg:"\"125/QĐ-UBND\""`
	Date     Date   `toml:"ngay_quyet_dinh" label:"ngày quyết định"`
	Issuer   string `toml:"co_quan" label:"cơ quan ban hành quyết định"`
}

// The plausible range of a base salary (mức lương cơ sở), in đồng a
// month. Every figure the decrees have set (1.150.000 in 2013, 2.340.000
// in 2024) lies well inside; a figure outside is a typing error, such as
// an amount of prize money written where the salary goes.
const (
	MinBaseSalary = 100_000
	MaxBaseSalary = 100_000_000
)

// BaseSalaryProblem explains why n đồng is not a plausible base salary,
// with a hint naming key; bad is false when it is plausible. The record's
// luong_co_so and the award catalogue's salary table share it.
func BaseSalaryProblem(n int, key string) (msg, hint string, bad bool) {
	if n >= MinBaseSalary && n <= MaxBaseSalary {
		return "", "", false
	}
	return fmt.Sprintf("mức lương cơ sở %s đồng nằm ngoài khoảng hợp lý (từ %s đến %s đồng một tháng)",
			vn.FormatInt(int64(n)), vn.FormatInt(MinBaseSalary), vn.FormatInt(MaxBaseSalary)),
		fmt.Sprintf("ghi mức lương cơ sở một tháng bằng đồng, không ghi tiền thưởng hay tổng tiền; ví dụ: %s = 2340000 (mức từ 01/7/2024)", key),
		true
}

// checkAwards applies the rules of [khen_thuong] and [[de_nghi]] that do
// not need the award catalogue, and fills their defaults.
func (d *decoder) checkAwards(r *Record) {
	a := r.Awards
	if a == nil {
		if len(r.Nominees) > 0 && d.ok["de_nghi"] {
			d.keyErr("de_nghi", "có danh sách đề nghị [[de_nghi]] nhưng thiếu bảng [khen_thuong] (cơ quan đề nghị, ngày, người ký tờ trình)",
				"thêm bảng [khen_thuong] với co_quan_de_nghi, ky_hieu, ngay, kinh_gui và nguoi_ky; xem docs/record.md")
		}
		return
	}
	if len(r.Nominees) == 0 && d.ok["khen_thuong"] {
		d.keyErr("khen_thuong", "có bảng [khen_thuong] nhưng chưa có tập thể, cá nhân nào được đề nghị",
			"thêm mỗi tập thể, cá nhân một mục [[de_nghi]]; xem docs/record.md")
	}
	d.symbol("khen_thuong.ky_hieu", a.Symbol)
	d.noAcademicTitle("khen_thuong.nguoi_ky.ho_ten", "người ký tờ trình", a.Signer.Name)
	if a.Year == 0 {
		a.Year = r.Cluster.Year
	} else if d.ok["khen_thuong.nam"] && (a.Year < 2000 || a.Year > 2100) {
		d.valErr("khen_thuong.nam", fmt.Sprintf("năm của thành tích %d nằm ngoài khoảng 2000-2100", a.Year), "ghi năm đủ bốn chữ số, ví dụ: nam = 2023")
	}
	if a.DecisionDate.IsZero() {
		a.DecisionDate = a.Date
	}
	if a.Place == "" {
		for _, m := range []*Member{r.Host(), r.Head()} {
			if m != nil && m.Place != "" {
				a.Place = m.Place
				break
			}
		}
	}
	if a.Place == "" && d.ok["khen_thuong"] {
		d.keyErr("khen_thuong", "chưa có địa danh cho dòng \"..., ngày ... tháng ... năm ...\" của tờ trình",
			`thêm dia_danh = "..." vào bảng [khen_thuong]`)
	}
	if d.ok["khen_thuong.luong_co_so"] {
		if msg, hint, bad := BaseSalaryProblem(a.BaseSalary, "luong_co_so"); bad {
			d.valErr("khen_thuong.luong_co_so", msg, hint)
		}
	}
	d.positive("khen_thuong.so_nguoi_bieu_quyet", "số người có quyền biểu quyết", a.Voters)
	if d.ok["khen_thuong.bieu_quyet"] && a.Body != VotedByCluster && a.Body != VotedByCouncil {
		d.valErr("khen_thuong.bieu_quyet", fmt.Sprintf("nơi biểu quyết %q không có", a.Body),
			`ghi bieu_quyet = "cum" (các thành viên cụm bình xét) hoặc "hoi-dong" (Hội đồng Thi đua - Khen thưởng xét)`)
	}
	if a.Body == "" {
		a.Body = VotedByCluster
	}
	if a.Voters == 0 {
		a.Voters = len(r.Members)
	}
	d.awardKinds(a.Kinds)
	ids := make([]string, len(r.Members))
	for i, m := range r.Members {
		ids[i] = m.ID
	}
	for i := range r.Nominees {
		d.nominee(r, i, ids)
	}
}

// awardKinds checks the record's award kinds.
func (d *decoder) awardKinds(kinds []AwardKind) {
	first := map[string]int{}
	for i := range kinds {
		k := &kinds[i]
		p := fieldpath.Item("khen_thuong.hinh_thuc", i+1)
		d.code(p+".ma", k.ID, `"bang-khen-toan-dien"`)
		d.code(p+".danh_muc", k.Of, `"bang-khen-cap-bo-tinh"`)
		d.positive(p+".so", "số tờ trình", k.Number)
		if d.ok[p+".ty_le_phieu"] && (k.Threshold < 1 || k.Threshold > 100) {
			d.valErr(p+".ty_le_phieu", fmt.Sprintf("tỷ lệ phiếu tối thiểu phải từ 1 đến 100 (phần trăm), đang là %d", k.Threshold), "ví dụ: ty_le_phieu = 80")
		}
		if j, dup := first[k.ID]; dup && k.ID != "" {
			d.valErr(p+".ma", fmt.Sprintf("hình thức thứ %d: mã %q trùng với mã của hình thức thứ %d", i+1, k.ID, j),
				"mỗi hình thức một mã riêng")
			continue
		}
		first[k.ID] = i + 1
	}
}

// nominee checks the i-th [[de_nghi]].
func (d *decoder) nominee(r *Record, i int, members []string) {
	n := &r.Nominees[i]
	p := fieldpath.Item("de_nghi", i+1)
	who := fmt.Sprintf("đề nghị thứ %d", i+1)
	if d.ok[p+".ten"] {
		d.fullName(p+".ten", who, n.Name)
	}
	d.code(p+".hinh_thuc", n.Award, `"chien-si-thi-dua-cap-tinh"`)
	d.ref(p+".thanh_vien", "mã thành viên", n.Member, members)
	if n.Head != nil {
		d.noAcademicTitle(p+".thu_truong.ho_ten", who, n.Head.Name)
	}
	if n.Certifier != nil {
		d.noAcademicTitle(p+".xac_nhan.ho_ten", who, n.Certifier.Name)
	}
	d.positive(p+".so_nguoi_bieu_quyet", "số người có quyền biểu quyết", n.Voters)
	if n.Voters == 0 && d.ok[p+".phieu_dong_y"] {
		n.Voters = r.Awards.Voters
	}
	if d.ok[p+".phieu_dong_y"] {
		switch {
		case n.Votes < 0:
			d.valErr(p+".phieu_dong_y", fmt.Sprintf("%s: số phiếu đồng ý không thể âm (%d)", who, n.Votes), "ghi số phiếu đồng ý, từ 0 trở lên")
		case n.Votes > n.Voters && n.Voters > 0:
			d.valErr(p+".phieu_dong_y", fmt.Sprintf("%s: %d phiếu đồng ý, nhiều hơn số người có quyền biểu quyết (%d)", who, n.Votes, n.Voters),
				"kiểm tra lại số phiếu; nếu số người có quyền biểu quyết khác số thành viên thì ghi so_nguoi_bieu_quyet")
		}
	}
	if d.ok[p+".so_nguoi_bieu_quyet"] && !d.ok[p+".phieu_dong_y"] {
		d.keyErr(p+".so_nguoi_bieu_quyet", fmt.Sprintf("%s: có số người biểu quyết nhưng chưa có số phiếu đồng ý", who), "thêm phieu_dong_y = ... vào mục [[de_nghi]] này")
	}
}

// code checks an id written in a record: lower-case letters without
// diacritics, digits and "-".
func (d *decoder) code(field, id, eg string) {
	if id == "" || !d.ok[field] || reID.MatchString(id) {
		return
	}
	d.valErr(field, fmt.Sprintf("mã %q chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang", id), "ví dụ: "+field[strings.LastIndexByte(field, '.')+1:]+" = "+eg)
}

// abbreviations spells out the abbreviations clerks most often write in
// names, for the hint.
var abbreviations = map[string]string{
	"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc",
	"TP": "thành phố", "TX": "thị xã", "TT": "thị trấn", "THCS": "Trung học cơ sở",
	"THPT": "Trung học phổ thông", "TH": "Tiểu học", "MN": "Mầm non", "LHPN": "Liên hiệp Phụ nữ",
	"CB": "cán bộ", "CBCC": "cán bộ, công chức", "ND": "Nhân dân", "HTX": "Hợp tác xã",
	"TNHH": "trách nhiệm hữu hạn", "CP": "cổ phần", "BCH": "Ban Chấp hành", "QĐ": "Quyết định",
}

var (
	reWord  = regexp.MustCompile(`[\p{L}\p{N}]+\.?`)
	reRoman = regexp.MustCompile(`^[IVXLCDM]+$`)
)

// fullName rejects abbreviations in a nominee's name: the dossier names
// units and people in full (words of capitals such as "UBND", or "TP.").
func (d *decoder) fullName(field, who, name string) {
	for _, w := range reWord.FindAllString(name, -1) {
		core := strings.TrimSuffix(w, ".")
		letters, upper := 0, 0
		for _, r := range core {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		short := letters >= 2 && upper == letters && !reRoman.MatchString(core)
		dotted := strings.HasSuffix(w, ".") && letters <= 3 && letters > 0
		if !short && !dotted {
			continue
		}
		hint := "viết đầy đủ tên, không viết tắt"
		if full, ok := abbreviations[strings.ToUpper(core)]; ok {
			hint = fmt.Sprintf("viết đầy đủ: %q thay cho %q", full, w)
		}
		d.valErr(field, fmt.Sprintf("%s: tên %q có chữ viết tắt %q; hồ sơ khen thưởng ghi tên đầy đủ, không viết tắt", who, name, w), hint)
		return
	}
}

// File is a TOML file other than a record, such as the award catalogue,
// read with a record's rules: the same struct tags, normalisation, checks
// and positioned Vietnamese messages.
type File struct {
	r Record // holds the name and the index of positions
}

// DecodeFile reads the TOML source data, named file in messages, into v,
// a pointer to a struct tagged as Record's fields are. The error, when not
// nil, is an Errors holding every problem found.
func DecodeFile(file string, data []byte, v any) (*File, error) {
	tree, ix, err := readTOML(file, data)
	f := &File{r: Record{file: file, ix: ix}}
	if err != nil {
		return f, err
	}
	d := &decoder{file: file, ix: ix, ok: map[string]bool{}}
	d.table(tree, reflect.ValueOf(v).Elem(), "", "")
	if len(d.errs) > 0 {
		return f, d.errs.sort()
	}
	return f, nil
}

// Errorf makes an error about a field of the file, positioned at its key.
func (f *File) Errorf(field, hint, format string, args ...any) *Error {
	return f.r.Errorf(field, hint, format, args...)
}

// Sorted returns the errors ordered by position, without exact repeats.
func (es Errors) Sorted() Errors { return es.sort() }
