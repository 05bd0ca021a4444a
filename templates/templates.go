// Package templates embeds the built-in paper templates, one Markdown
// file with a TOML front matter each, and the award catalogue
// (khen-thuong.toml). `thidua templates export` writes them out for a
// user to edit; `--mau DIR` renders with edited copies.
package templates

import "embed"

// FS holds the built-in templates, named <paper>.md, and the award
// catalogue, khen-thuong.toml.
//
//go:embed *.md khen-thuong.toml
var FS embed.FS
