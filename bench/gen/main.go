// Command gen writes the generated records the benchmark renders:
//
//	go run ./bench/gen -n 1000 -o DIR            one record with 1.000 nominees
//	go run ./bench/gen -n 1000 -each -o DIR      1.000 records of one nominee each
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"thidua/internal/batch/synth"
)

func main() {
	n := flag.Int("n", 1000, "số người, đơn vị được đề nghị")
	each := flag.Bool("each", false, "mỗi người, đơn vị một hồ sơ riêng (mặc định: tất cả trong một hồ sơ)")
	out := flag.String("o", "bench-input", "thư mục ghi các hồ sơ")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if !*each {
		write(fmt.Sprintf("ho-so-%d.toml", *n), synth.Record(*n, 1))
		return
	}
	for i := 1; i <= *n; i++ {
		write(fmt.Sprintf("ho-so-%04d.toml", i), synth.Record(1, uint64(i)))
	}
}
