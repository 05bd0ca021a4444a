package main

import (
	"fmt"
	"runtime/debug"
)

func init() {
	register(&command{
		name:    "version",
		summary: "in phiên bản của thidua",
		help:    "In phiên bản (theo bản dựng Go) của chương trình.",
		run: func(e *env, args []string) int {
			v := "(phát triển)"
			if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
				v = bi.Main.Version
			}
			fmt.Fprintln(e.stdout, "thidua", v)
			return exitOK
		},
	})
}
