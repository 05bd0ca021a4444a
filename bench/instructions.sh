#!/usr/bin/env bash
# Đếm số lệnh máy (valgrind --tool=callgrind) mà một giấy tờ tốn, thay cho thời gian khi máy dùng chung
# làm số đo dao động: cùng mã, cùng dữ liệu thì cùng con số, dù máy bận hay rảnh.
#
#   bench/instructions.sh                    (bản giao ước 8 đơn vị ký: dựng, ghi DOCX, ghi PDF)
#   bench/instructions.sh 'GiaoUocWrite/pdf' (một benchmark bất kỳ của internal/render)
#
# Cách đếm: chạy benchmark 100 lần rồi 300 lần dưới callgrind, lấy hiệu chia 200, để bỏ phần nạp
# bản ghi và khởi động. Tắt thu gom rác (GOGC=off) để con số không phụ thuộc lúc GC chạy.
# Cần valgrind (gói Debian: valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
	echo "cần valgrind (gói Debian: valgrind)" >&2
	exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/render.test" ./internal/render
count() { # benchmark, số lần -> số lệnh
	(cd internal/render && GODEBUG=asyncpreemptoff=1 GOGC=off valgrind --tool=callgrind \
		--callgrind-out-file=/dev/null "$work/render.test" -test.run '^$' -test.bench "$1" \
		-test.benchtime "${2}x" -test.cpu 1 2>&1 | awk '/Collected/ {print $4}')
}
for b in "${@:-GiaoUocBuild GiaoUocWrite/docx GiaoUocWrite/pdf}"; do
	for bench in $b; do
		lo=$(count "$bench" 100)
		hi=$(count "$bench" 300)
		if [ -z "$lo" ] || [ -z "$hi" ]; then
			echo "$bench: valgrind không chạy xong, thử lại" >&2
			continue
		fi
		awk -v b="$bench" -v lo="$lo" -v hi="$hi" 'BEGIN { printf "%-22s %.2f triệu lệnh mỗi lần\n", b, (hi - lo) / 200 / 1e6 }'
	done
done
