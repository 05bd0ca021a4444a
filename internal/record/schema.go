package record

import (
	"reflect"
	"strings"

	"thidua/internal/fieldpath"
)

// Key describes one key of the record as the struct tags declare it, for
// programs that build forms (thidua serve): the same tags the decoder and
// docs/record.md use, read at run time so that a new field appears in
// every form without another list to keep.
type Key struct {
	// Path is the key's path without item numbers: "thanh_vien.thu_truong.ho_ten".
	Path     string   `json:"path"`
	Key      string   `json:"key"`
	Label    string   `json:"label"`
	Item     string   `json:"item,omitempty"` // what one item of a list is called
	Type     string   `json:"type"`           // one of the Type* constants
	Required bool     `json:"required,omitempty"`
	Example  string   `json:"example,omitempty"` // as TOML writes it: "\"nghe-an\"", 2024
	Enum     []string `json:"enum,omitempty"`    // the values an enum allows
	// EnumLabels say what each of Enum means, in Vietnamese ("" when the
	// value says it itself).
	EnumLabels []string `json:"enum_labels,omitempty"`
	// Need names the papers (template names) that print the key: it is
	// required only when one of them is made (Record.Need).
	Need []string `json:"need,omitempty"`
	Keys []Key    `json:"keys,omitempty"` // a table's or an item's keys, in declaration order
	// Of is the type of a map's values (TypeNumber for scores by criterion).
	Of string `json:"of,omitempty"`
}

// Key types.
const (
	TypeText      = "text"            // a one-line string
	TypeLines     = "lines"           // a string or an array of strings
	TypeInt       = "int"             // an integer
	TypeNumber    = "number"          // a decimal, also "1.234,5" in quotes
	TypeDate      = "date"            // 2024-01-12 or "12/01/2024"
	TypeMemberRef = "member-ref"      // the id of a [[thanh_vien]]
	TypeEnum      = "enum"            // one of Enum
	TypeTable     = "table"           // [table]
	TypeTables    = "array-of-tables" // [[item]]
	TypeMap       = "map"             // a table whose keys are data (criteria codes)
)

// Schema describes every key of a record, in declaration order.
//
// The tags are those the decoder reads (see the package comment): `enum`
// lists the values a text key allows, a text key named thanh_vien or
// tagged `ref:"thanh_vien"` holds a member's id, `need` names the papers
// that print a key.
func Schema() []Key { return schemaOf(reflect.TypeFor[Record](), "") }

func schemaOf(t reflect.Type, prefix string) []Key {
	var out []Key
	for _, f := range fieldsOf(t) {
		sf := t.Field(f.index)
		k := Key{Path: fieldpath.Key(prefix, f.key), Key: f.key, Label: f.label, Item: f.item, Required: f.required, Example: f.eg, Need: f.need}
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case ft == dateType:
			k.Type = TypeDate
		case ft == numberType:
			k.Type = TypeNumber
		case ft == linesType:
			k.Type = TypeLines
		case ft.Kind() == reflect.Int:
			k.Type = TypeInt
		case ft.Kind() == reflect.String:
			k.Type = TypeText
			if len(f.enum) > 0 {
				k.Type, k.Enum, k.EnumLabels = TypeEnum, f.enum, f.enumLabels
			} else if f.key == "thanh_vien" || f.ref == "thanh_vien" {
				k.Type = TypeMemberRef
			}
		case ft.Kind() == reflect.Map:
			k.Type, k.Of = TypeMap, TypeText
			if ft.Elem() == numberType {
				k.Of = TypeNumber
			}
		case ft.Kind() == reflect.Struct:
			k.Type, k.Keys = TypeTable, schemaOf(ft, k.Path)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			k.Type, k.Keys = TypeTables, schemaOf(ft.Elem(), k.Path)
		default:
			k.Type = TypeText // a type forms do not know: edited as text, checked by the decoder
		}
		out = append(out, k)
	}
	return out
}

// Lookup finds the key of a field path as errors name fields
// ("thanh_vien[2].thu_truong.ho_ten"); item numbers are ignored and a
// path below a map finds the map. ok is false for a path the record does
// not have.
func Lookup(path string) (Key, bool) {
	keys := Schema()
	var found Key
	for _, seg := range splitPath(path) {
		i := -1
		for j := range keys {
			if keys[j].Key == seg {
				i = j
				break
			}
		}
		if i < 0 {
			if found.Type == TypeMap {
				return found, true
			}
			return Key{}, false
		}
		found, keys = keys[i], keys[i].Keys
	}
	return found, found.Path != ""
}

// splitPath cuts a field path into its keys, dropping item numbers and
// quotes: `diem[1].cum_cham."1.1"` -> diem, cum_cham, 1.1.
func splitPath(p string) []string {
	var out []string
	var b strings.Builder
	quoted, skip := false, false
	for _, r := range p {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
			b.WriteRune(r)
		case r == '[':
			skip = true
		case r == ']':
			skip = false
		case skip:
		case r == '.':
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}
