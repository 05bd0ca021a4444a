#!/usr/bin/env bash
# Đo tốc độ của thidua batch: 1.000 người, đơn vị được đề nghị, mọi giấy tờ, DOCX và PDF.
#
#   bench/run.sh            (N=1000; đổi bằng N=200 bench/run.sh)
#
# In ra: số lõi và tải của máy, thời gian chạy, số tệp mỗi giây, bộ nhớ lớn nhất (/usr/bin/time -v) cho
#   1. một hồ sơ có N người được đề nghị (mỗi người một báo cáo thành tích; tờ trình, danh sách,
#      bảng tổng hợp chung): bộ hồ sơ bốn loại giấy tờ của N người;
#   2. N hồ sơ, mỗi hồ sơ một người (4 giấy tờ riêng mỗi người: 4N giấy tờ, 8N tệp), ghi ra đĩa:
#      mục tiêu với N=1000 là ≤ 5 giây trên 2 lõi rảnh, ≤ 200 MB;
#   3. như 2 nhưng ghi vào bộ nhớ (/dev/shm), để tách phần chờ đĩa;
#   4. khi có node: cùng máy, cùng lúc, Typst (gói npm @myriaddreamin/typst-ts-node-compiler, một
#      trình biên dịch dùng lại cho cả loạt) làm bản giao ước 8 đơn vị ký tương đương (bench/typst),
#      và tỷ lệ giữa thời gian một PDF của Typst với thời gian một tệp của thidua ở mục 2;
# rồi hồ sơ CPU (go test -bench, pprof) cho biết thời gian tiêu vào đâu.
# Máy dùng chung thì số đo dao động: xem tải (load average) in ở đầu và cuối.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
if [ ! -x /usr/bin/time ]; then
	echo "cần /usr/bin/time (gói Debian: time) để đo bộ nhớ" >&2
	exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work" /dev/shm/thidua-bench-$$' EXIT
go build -o "$work/thidua" ./cmd/thidua
go run ./bench/gen -n "$N" -o "$work/mot-ho-so"
go run ./bench/gen -n "$N" -each -o "$work/moi-nguoi-mot-ho-so"

echo "Máy: $(nproc) lõi, $(go version | cut -d' ' -f3), tải $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
seconds() { # "m:ss.ss" hoặc "h:mm:ss" -> giây
	awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$1"
}
measure() { # nhãn, thư mục vào, thư mục ra
	sync
	/usr/bin/time -v "$work/thidua" batch "$2" -o "$3" >"$work/out.txt" 2>"$work/time.txt"
	local rss line
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/time.txt")
	rss=$(awk -F': ' '/Maximum resident set size/{printf "%d MB", $2/1024}' "$work/time.txt")
	cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u+s}' "$work/time.txt")
	files=$(grep -o '[0-9.]* tệp trong' "$work/out.txt" | tr -d . | cut -d' ' -f1)
	line=$(grep ' tệp trong ' "$work/out.txt")
	printf '%s\n    thời gian %s (CPU %s s), bộ nhớ lớn nhất %s\n    %s\n' "$1" "$wall" "$cpu" "$rss" "$line"
}
measure "1. Một hồ sơ, $N người được đề nghị:" "$work/mot-ho-so" "$work/ra1"
measure "2. $N hồ sơ, mỗi hồ sơ một người, ghi ra đĩa:" "$work/moi-nguoi-mot-ho-so" "$work/ra2"
perfile=$(awk -v w="$(seconds "$wall")" -v n="$files" 'BEGIN{printf "%.3f", 1000*w/n}')
echo "    ${perfile} ms mỗi tệp"
if [ -d /dev/shm ]; then
	measure "3. Như 2, ghi vào /dev/shm (không chờ đĩa):" "$work/moi-nguoi-mot-ho-so" "/dev/shm/thidua-bench-$$"
fi

echo
if command -v node >/dev/null && command -v npm >/dev/null; then
	echo "4. Typst, bản giao ước tương đương (bench/typst):"
	if [ ! -d bench/typst/node_modules ]; then
		(cd bench/typst && npm ci --no-audit --no-fund >/dev/null) || echo "    không cài được gói npm (cần mạng tới registry.npmjs.org)"
	fi
	if [ -d bench/typst/node_modules ]; then
		typst=$(cd bench/typst && node bench.js 200)
		echo "    $(head -1 <<<"$typst")"
		ms=$(sed -n 's/^TYPST_MS_PER_PDF=//p' <<<"$typst")
		awk -v t="$ms" -v f="$perfile" 'BEGIN{printf "    một PDF của Typst = %.1f lần một tệp của thidua ở mục 2 (mục tiêu: ít nhất 14 lần)\n", t/f}'
	fi
else
	echo "4. Bỏ qua so sánh với Typst: cần node và npm (gói Debian: nodejs, npm)."
fi

echo
echo "Hồ sơ CPU (100 hồ sơ một người, 3 lần): thời gian tích lũy theo hàm"
go test ./internal/batch -run '^$' -bench Dossiers -benchtime 3x -cpuprofile "$work/cpu.prof" -o "$work/batch.test" | grep -E 'Benchmark|files/s'
go tool pprof -top -cum -nodecount 45 "$work/batch.test" "$work/cpu.prof" 2>/dev/null | grep -E 'flat%|thidua/|fpdf|Fsync|Syncfs|OpenFile|gcBgMarkWorker|json|flate|zip' | head -40
echo "Tải lúc xong: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
