package sheet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"thidua/internal/awards"
	"thidua/internal/record"
)

// Blank is one blank workbook a clerk fills in to import.
type Blank struct {
	Name string // file name
	What string // what it is for, for people
	Data []byte
}

// blankRows is how many rows of a blank workbook have data validation.
const blankRows = 500

// listSheet is the hidden sheet that holds the lists pickers choose from.
const listSheet = "Danh mục"

// Blanks makes the blank workbooks of every table thidua imports, with
// the expected columns, a note on how to fill them and data validation:
// members and awards picked from lists, numbers in range, dates. With a
// record, the lists are its members and award kinds and the score sheet
// has its criteria (without one, there is no score sheet: the columns
// are the criteria).
func Blanks(rec *record.Record) ([]Blank, error) {
	var members []string
	if rec != nil {
		for _, m := range rec.Members {
			members = append(members, m.ShortName())
		}
	}
	var awardNames []string
	if rec != nil && rec.Awards != nil {
		for _, k := range rec.Awards.Kinds {
			if k.Name != "" {
				awardNames = append(awardNames, k.Name)
			}
		}
	}
	for _, a := range awards.Builtin().Awards {
		awardNames = append(awardNames, a.Name)
	}
	lists := map[string][]string{"member": members, "award": awardNames,
		"kind": {"Tập thể", "Cá nhân"}, "sex": {"Nam", "Nữ"}}
	var out []Blank
	for _, k := range kinds {
		if k.scores && (rec == nil || rec.Criteria == nil) {
			continue
		}
		b := newBook()
		t := blankTable(k, rec, lists)
		if err := b.add(t); err != nil {
			return nil, err
		}
		if err := b.lists(lists); err != nil {
			return nil, err
		}
		data, err := b.bytes("Mẫu nhập "+k.name, "thidua", "2025-01-01T00:00:00Z")
		if err != nil {
			return nil, err
		}
		out = append(out, Blank{Name: "mau-" + strings.ReplaceAll(k.section, "binh_xet.ung_vien", "binh_xet") + ".xlsx", What: k.name, Data: data})
	}
	return out, nil
}

// listRefs are where each list sits in the list sheet.
var listCols = map[string]int{"member": 1, "award": 2, "kind": 3, "sex": 4}

// lists writes the hidden sheet of pickers' lists.
func (b *book) lists(lists map[string][]string) error {
	if _, err := b.f.NewSheet(listSheet); err != nil {
		return err
	}
	for name, col := range listCols {
		for i, v := range lists[name] {
			if err := b.f.SetCellValue(listSheet, cellName(col, i+1), v); err != nil {
				return err
			}
		}
	}
	return b.f.SetSheetVisible(listSheet, false)
}

// blankTable is the empty table of a kind.
func blankTable(k *kind, rec *record.Record, lists map[string][]string) *table {
	t := &table{sheet: k.sheets[0], wide: []bool{false, true, true}}
	top := []string{"STT"}
	var cols []*column
	for _, c := range k.cols {
		title := capital(c.also[0])
		if c.required {
			title += " (*)"
		}
		top = append(top, title)
		cols = append(cols, c)
	}
	var crit []record.Criterion
	if k.scores {
		// Đơn vị, then the criteria under their blocks, then the rest.
		var mid []string
		top, mid = []string{"STT", capital(k.cols[0].also[0]) + " (*)"}, []string{"^", "^"}
		for _, g := range rec.Criteria.Groups {
			crit = append(crit, g.Criteria...)
		}
		for _, block := range []string{"Điểm tự chấm", "Điểm cụm chấm (*)"} {
			for i, c := range crit {
				if i == 0 {
					top = append(top, block)
				} else {
					top = append(top, "<")
				}
				mid = append(mid, c.Code)
			}
		}
		for _, c := range k.cols[1:] {
			top, mid = append(top, capital(c.also[0])), append(mid, "^")
		}
		t.header = [][]string{top, mid}
	} else {
		t.header = [][]string{top}
	}
	t.note = fmt.Sprintf("Mẫu nhập %s cho thidua. Mỗi dòng một mục, từ dòng dưới tiêu đề; cột có (*) phải điền; "+
		"không đổi tiêu đề cột. Nhập vào hồ sơ bằng lệnh: thidua nhap TỆP.xlsx --vao HO_SO.toml", k.name)
	if slices.ContainsFunc(k.cols, func(c *column) bool { return c.as == asEarlier }) {
		t.note += ". Danh hiệu, khen thưởng đã nhận: mỗi cái một dòng trong ô (Alt+Enter), dạng \"năm; tên; số quyết định; ngày quyết định; cơ quan\""
	}
	if k.scores && rec != nil {
		for i, m := range rec.Members {
			row := []cell{{v: i + 1, style: centred}, {v: m.ShortName()}}
			for range 2 * len(crit) {
				row = append(row, cell{style: style{format: dec2}})
			}
			for range k.cols[1:] {
				row = append(row, cell{})
			}
			t.rows = append(t.rows, row)
		}
	}
	t.input = func(f *excelize.File, sheet string, first, _ int) error {
		last := first + max(blankRows, len(t.rows)) - 1
		rng := func(col int) string { return cellName(col, first) + ":" + cellName(col, last) }
		pick := func(col int, list string) error {
			n := len(lists[list])
			if n == 0 {
				return nil
			}
			dv := excelize.NewDataValidation(true)
			dv.Sqref = rng(col)
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$1:$%s$%d", listSheet, colName(listCols[list]), colName(listCols[list]), n))
			if list == "member" || list == "award" {
				// Other names are allowed with a warning: "Toàn cụm", a
				// person voted on, an award the catalogue calls otherwise.
				dv.SetError(excelize.DataValidationErrorStyleWarning, "Không có trong danh sách",
					"Giá trị này không có trong danh sách; thidua nhap sẽ kiểm tra khi nhập.")
			}
			return f.AddDataValidation(sheet, dv)
		}
		between := func(col int, typ excelize.DataValidationType, lo, hi float64, msg string) error {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = rng(col)
			if err := dv.SetRange(lo, hi, typ, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "Giá trị không hợp lệ", msg)
			return f.AddDataValidation(sheet, dv)
		}
		if k.scores {
			if err := pick(2, "member"); err != nil {
				return err
			}
			for i, c := range append(crit, crit...) {
				if err := between(3+i, excelize.DataValidationTypeDecimal, 0, c.Max.Float64(),
					fmt.Sprintf("Điểm tiêu chí %s từ 0 đến %s", c.Code, c.Max)); err != nil {
					return err
				}
			}
			return nil
		}
		for i, c := range cols {
			col := i + 2
			var err error
			switch {
			case c.as == asMember || c.as == asWho:
				err = pick(col, "member")
			case c.as == asAward || c.key == "khen_thuong":
				err = pick(col, "award")
			case c.as == asKind:
				err = pick(col, "kind")
			case c.key == "gioi_tinh":
				err = pick(col, "sex")
			case c.as == asNumber:
				err = between(col, excelize.DataValidationTypeDecimal, 0, 1e15, "Gõ một số từ 0 trở lên")
			case c.as == asInt:
				err = between(col, excelize.DataValidationTypeWhole, 0, 1e6, "Gõ một số nguyên từ 0 trở lên")
			case c.as == asDate:
				err = between(col, excelize.DataValidationTypeDate, 1, 73051, "Gõ một ngày, ví dụ 12/07/2023")
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	return t
}
