// Package samples embeds the sample records, so that thidua serve can
// start a new record from one of them.
package samples

import "embed"

// FS holds the sample records, named <name>.toml.
//
//go:embed *.toml
var FS embed.FS
