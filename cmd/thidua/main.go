// Command thidua writes the official papers of Vietnamese emulation
// clusters (cụm, khối thi đua) from a TOML record of a session, as DOCX
// and PDF laid out as Nghị định 30/2020 requires.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes.
const (
	exitOK       = 0
	exitInput    = 1 // a record, template or form is wrong
	exitUsage    = 2 // the command line is wrong
	exitInternal = 3 // thidua itself failed
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string // arguments, after "thidua <name>"
	help    string // what it does, in a few lines
	run     func(env *env, args []string) int
	flags   func(fs *flag.FlagSet)
}

// env is what a command may use: its output streams.
type env struct {
	stdout, stderr io.Writer
}

var commands []*command

func register(c *command) { commands = append(commands, c) }

func find(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func main() {
	os.Exit(run(&env{stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 {
		if doubleClicked() {
			return serveOwnFolder(e)
		}
		usage(e.stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help", "-help", "tro-giup":
		if len(args) > 1 {
			if c := find(args[1]); c != nil {
				commandUsage(e.stdout, c, nil)
				return exitOK
			}
		}
		usage(e.stdout)
		return exitOK
	case "--version", "-version":
		args[0] = "version"
	}
	c := find(args[0])
	if c == nil {
		fmt.Fprintf(e.stderr, "thidua: không có lệnh %q.\n\n", args[0])
		usage(e.stderr)
		return exitUsage
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprint(w, `thidua viết giấy tờ của cụm, khối thi đua (giao ước, báo cáo, biên bản, hồ sơ khen thưởng)
từ một bản ghi TOML, ra DOCX để sửa và PDF để in, ký số; trình bày theo Nghị định 30/2020/NĐ-CP.

Cách dùng:
  thidua <lệnh> [tùy chọn] [tham số]

Các lệnh:
`)
	sorted := append([]*command(nil), commands...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, c := range sorted {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Xem hướng dẫn một lệnh: thidua help <lệnh>   (hoặc thidua <lệnh> -h)
Ví dụ: thidua render samples/bac-trung-bo-2023.toml -o ra
`)
}

func commandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "thidua %s: %s\n\nCách dùng:\n  thidua %s %s\n\n%s\n", c.name, c.summary, c.name, c.usage, c.help)
	if fs == nil && c.flags != nil {
		fs = flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.flags(fs)
	}
	if fs != nil {
		has := false
		fs.VisitAll(func(*flag.Flag) { has = true })
		if has {
			fmt.Fprintln(w, "\nTùy chọn:")
			fs.VisitAll(func(f *flag.Flag) {
				name, u := flag.UnquoteUsage(f)
				dash := "--"
				if len(f.Name) == 1 {
					dash = "-"
				}
				arg := dash + f.Name
				if name != "" {
					if word, ok := map[string]string{"string": "CHUỖI", "int": "SỐ", "value": "GIÁ_TRỊ"}[name]; ok {
						name = word
					}
					arg += " " + name // or the word the usage puts in back quotes
				}
				fmt.Fprintf(w, "  %-24s %s", arg, u)
				if f.DefValue != "" && f.DefValue != "false" {
					fmt.Fprintf(w, " (mặc định: %s)", f.DefValue)
				}
				fmt.Fprintln(w)
			})
		}
	}
}

// parse parses a command's flags, which may come before or after its
// arguments; it returns the arguments, or an exit code when the command
// must stop (help asked, or a usage error already reported).
func parse(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, int, bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var rest []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			commandUsage(e.stdout, c, fs)
			return nil, exitOK, false
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "thidua %s: %s\n\n", c.name, translateFlagError(err))
			commandUsage(e.stderr, c, fs)
			return nil, exitUsage, false
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return rest, 0, true
}

// translateFlagError says in Vietnamese what the flag package found.
func translateFlagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "không có tùy chọn " + strings.TrimPrefix(msg, "flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "tùy chọn " + strings.TrimPrefix(msg, "flag needs an argument: ") + " cần một giá trị"
	case strings.HasPrefix(msg, "invalid value "):
		return "giá trị không hợp lệ: " + strings.TrimPrefix(msg, "invalid value ")
	}
	return msg
}

// usageError reports a wrong command line.
func usageError(e *env, c *command, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "thidua %s: %s\n\n", c.name, fmt.Sprintf(format, args...))
	commandUsage(e.stderr, c, nil)
	return exitUsage
}
