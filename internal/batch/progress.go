package batch

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"thidua/internal/vn"
)

// bar draws a progress line in place on a terminal; with no writer it
// does nothing.
type bar struct {
	w     io.Writer
	mu    sync.Mutex
	start time.Time
	last  time.Time
	drawn bool
}

func newBar(w io.Writer) *bar { return &bar{w: w, start: time.Now()} }

// redrawEvery limits how often the line is redrawn.
const redrawEvery = 100 * time.Millisecond

// show draws the papers made out of those listed so far, with the
// records read while some are still being read.
func (b *bar) show(made, papers, read, records int) {
	b.draw(made == papers && read == records, func() string {
		const width = 30
		full := width * made / max(papers, 1)
		rate := float64(made) / max(time.Since(b.start).Seconds(), 0.001)
		line := fmt.Sprintf("[%s%s] %d/%d giấy tờ %3d%% %s giấy tờ/giây",
			strings.Repeat("#", full), strings.Repeat("-", width-full), made, papers, 100*made/max(papers, 1), vn.FormatNumber(rate, 0))
		if read < records {
			line += fmt.Sprintf(", đã đọc %d/%d hồ sơ", read, records)
		}
		return line
	})
}

func (b *bar) draw(last bool, line func() string) {
	if b.w == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if now := time.Now(); last || now.Sub(b.last) >= redrawEvery {
		b.last = now
		fmt.Fprintf(b.w, "\r\033[K%s", line())
		b.drawn = true
	}
}

// close ends the line.
func (b *bar) close() {
	if b.w == nil || !b.drawn {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	fmt.Fprint(b.w, "\r\033[K")
}
