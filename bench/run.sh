#!/usr/bin/env bash
# Đo tốc độ của thidua batch: 1.000 người, đơn vị được đề nghị, mọi giấy tờ, DOCX và PDF.
#
#   bench/run.sh            (N=1000; đổi bằng N=200 bench/run.sh)
#
# In ra: số lõi, thời gian chạy, số tệp mỗi giây, bộ nhớ lớn nhất (/usr/bin/time -v) cho
#   1. một hồ sơ có N người được đề nghị (mỗi người một báo cáo thành tích; tờ trình, danh sách,
#      bảng tổng hợp chung): bộ hồ sơ bốn loại giấy tờ của N người;
#   2. N hồ sơ, mỗi hồ sơ một người (4 giấy tờ riêng mỗi người: 4N giấy tờ, 8N tệp);
#   3. như 2 nhưng ghi vào bộ nhớ (/dev/shm), để tách phần chờ đĩa;
# rồi hồ sơ CPU (go test -bench, pprof) cho biết thời gian tiêu vào đâu.
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

echo "Máy: $(nproc) lõi, $(go version | cut -d' ' -f3)"
measure() { # nhãn, thư mục vào, thư mục ra
	sync
	/usr/bin/time -v "$work/thidua" batch "$2" -o "$3" >"$work/out.txt" 2>"$work/time.txt"
	local wall rss line
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/time.txt")
	rss=$(awk -F': ' '/Maximum resident set size/{printf "%d MB", $2/1024}' "$work/time.txt")
	line=$(grep ' tệp trong ' "$work/out.txt")
	printf '%s\n    thời gian %s, bộ nhớ lớn nhất %s\n    %s\n' "$1" "$wall" "$rss" "$line"
}
measure "1. Một hồ sơ, $N người được đề nghị:" "$work/mot-ho-so" "$work/ra1"
measure "2. $N hồ sơ, mỗi hồ sơ một người:" "$work/moi-nguoi-mot-ho-so" "$work/ra2"
if [ -d /dev/shm ]; then
	measure "3. Như 2, ghi vào /dev/shm (không chờ đĩa):" "$work/moi-nguoi-mot-ho-so" "/dev/shm/thidua-bench-$$"
fi

echo
echo "Hồ sơ CPU (100 hồ sơ một người, 3 lần): thời gian tích lũy theo hàm"
go test ./internal/batch -run '^$' -bench Dossiers -benchtime 3x -cpuprofile "$work/cpu.prof" -o "$work/batch.test" | grep -E 'Benchmark|files/s'
go tool pprof -top -cum -nodecount 45 "$work/batch.test" "$work/cpu.prof" 2>/dev/null | grep -E 'flat%|thidua/|fpdf|Fsync|OpenFile|gcBgMarkWorker|json|flate|zip' | head -40
