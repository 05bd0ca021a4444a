package serve

import (
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"thidua/internal/testkit"
)

// page drives a headless Chromium on a running thidua serve.
type page struct {
	t   *testing.T
	ctx context.Context
	url string
}

func (p *page) run(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

// eval runs JavaScript in the page, awaiting a promise, into out.
func eval[T any](p *page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatal(err)
	}
	return v
}

// until evaluates js every 50 ms until it returns true.
func (p *page) until(what, js string) {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if eval[bool](p, js) {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("timed out waiting for %s; the page says: %s %s %s", what, eval[string](p, `document.getElementById('status').textContent`), eval[string](p, `document.getElementById('batch-status').textContent`),
				eval[string](p, `document.getElementById('summary').textContent`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// typeInto replaces the value of the input at a field path, as a clerk
// types it, and leaves it with Tab (which commits the change).
func (p *page) typeInto(path, text string) {
	p.t.Helper()
	sel := chromedp.CSS(fmt.Sprintf(`[data-path=%q]`, path))
	p.run(chromedp.WaitVisible(sel))
	eval[bool](p, fmt.Sprintf(`(document.querySelector('[data-path=%q]').value = '') === ''`, path))
	p.run(chromedp.SendKeys(sel, text+kb.Tab))
}

// errorNear returns the text of the error slot next to a field's input.
func errorNear(path string) string {
	return fmt.Sprintf(`document.querySelector('[data-path=%q]').closest('td, .field, .mapcell').querySelector('.err').textContent`, path)
}

// previewPDF returns the bytes of the PDF the preview shows.
func (p *page) previewPDF() []byte {
	p.t.Helper()
	b64 := eval[string](p, `(async () => {
		if (!state.preview) return '';
		const b = new Uint8Array(await state.preview.arrayBuffer());
		let s = '';
		for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
		return btoa(s);
	})()`)
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		p.t.Fatal(err)
	}
	return data
}

// pdfText is the text pdftotext reads from PDF bytes.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), fmt.Sprint(time.Now().UnixNano(), ".pdf"))
	os.WriteFile(f, data, 0o644)
	return testkit.Text(t, f)
}

// screenshot writes the page into docs/ when THIDUA_SCREENSHOTS=1, for
// docs/trang-web.md.
func (p *page) screenshot(name string) {
	p.t.Helper()
	if os.Getenv("THIDUA_SCREENSHOTS") != "1" {
		return
	}
	time.Sleep(3000 * time.Millisecond) // let the PDF viewer draw
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "..", "docs", "img", name+".png"), png, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// A clerk's session in a real browser: open a sample, change a head's
// name and see it in the preview's PDF, make a date impossible and see
// the error by the input, fix it, add a member, download every paper,
// save, reload and find the edit.
func TestBrowser(t *testing.T) {
	chromium := testkit.Chromium(t)
	testkit.Need(t, "pdftotext")
	dir := t.TempDir()
	const name = "hai-phong-khoi-huyen-2024.toml"
	src, err := os.ReadFile("../../samples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, name), src, 0o644)
	const review = "bac-trung-bo-tong-ket-2022.toml"
	if b, err := os.ReadFile("../../samples/" + review); err == nil {
		os.WriteFile(filepath.Join(dir, review), b, 0o644)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Dir: dir, Addr: ln.Addr().String()})
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: s}
	go hs.Serve(ln)
	defer hs.Close()

	downloads := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chromium), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true), chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true), chromedp.WindowSize(1400, 900)}
	// The page is the test's own: Chromium's sandbox, which root and many
	// CI containers cannot have, protects nothing here.
	opts = append(opts, chromedp.NoSandbox)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	done := make(chan string, 4)
	p := &page{t: t, ctx: ctx, url: "http://" + ln.Addr().String() + "/#" + name}
	p.run(chromedp.Navigate("about:blank"))
	// The clerk says yes to every question the page asks (drop unsaved
	// edits?) and takes the name a prompt suggests, from another
	// goroutine as chromedp wants.
	dialogs := make(chan string, 8)
	chromedp.Listen(ctx, func(ev any) {
		var prompt string
		switch e := ev.(type) {
		case *cdppage.EventJavascriptDialogOpening:
			prompt = e.DefaultPrompt
		case cdppage.EventJavascriptDialogOpening:
			prompt = e.DefaultPrompt
		default:
			return
		}
		select {
		case dialogs <- prompt:
		default:
		}
	})
	go func() {
		for {
			select {
			case prompt := <-dialogs:
				chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true, PromptText: prompt})
			case <-ctx.Done():
				return
			}
		}
	}()
	chromedp.ListenBrowser(ctx, func(ev any) {
		var e browser.EventDownloadProgress
		switch x := ev.(type) {
		case *browser.EventDownloadProgress:
			e = *x
		case browser.EventDownloadProgress:
			e = x
		default:
			return
		}
		if e.State == browser.DownloadProgressStateCompleted {
			select { // never block the browser's events
			case done <- e.GUID:
			default:
			}
		}
	})
	events := true
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: &events}); err != nil {
		t.Fatal(err)
	}
	p.run(chromedp.Navigate(p.url))

	// Open: the form shows the members, the preview the pledge.
	head := "thanh_vien[2].thu_truong.ho_ten"
	p.until("the form", fmt.Sprintf(`!!document.querySelector('[data-path=%q]')`, head))
	p.until("the preview", `document.getElementById('preview').src.startsWith('blob:')`)
	if text := pdfText(t, p.previewPDF()); !strings.Contains(text, "BẢN GIAO ƯỚC THI ĐUA") {
		t.Fatalf("preview:\n%s", text)
	}
	p.screenshot("trang-web-bieu-mau")

	// A choice shows what it means, from the schema's enum tag, and the
	// value the record holds.
	kind := `(() => { const s = document.querySelector('[data-path="phien.loai"]'); return s.value + '|' + s.selectedOptions[0].textContent; })()`
	if got := eval[string](p, kind); got != "ky-ket|Ký kết giao ước; phát động (ky-ket)" {
		t.Errorf("the session's kind shows %q", got)
	}

	// Which papers print a field, from the schema's need tags, by the
	// field; the papers the record makes are the ones chosen.
	headNote := `[...document.querySelectorAll('details[data-path="thanh_vien"] th')].find(th => th.textContent.startsWith('thủ trưởng đơn vị: họ và tên')).querySelector('.need').textContent`
	if got := eval[string](p, headNote); got != "in trong: Bản giao ước thi đua" {
		t.Errorf("the heads' note: %q", got)
	}
	placeNote := `document.querySelector('[data-path="phien.dia_diem"]').closest('.field').querySelector('.need').textContent`
	if got := eval[string](p, placeNote); got != "in trong: Biên bản hội nghị, Biên bản họp bình xét" {
		t.Errorf("the place's note: %q", got)
	}
	chosen := `[...document.querySelectorAll('#chooser-papers input:checked')].map(i => i.value).join(',')`
	if got := eval[string](p, chosen); got != "giao-uoc" {
		t.Errorf("papers chosen at first: %q", got)
	}
	// The pledge alone does not print the place: without it, no error and
	// nothing lacking...
	const place = "phien.dia_diem"
	placeWas := eval[string](p, `document.querySelector('[data-path="phien.dia_diem"]').value`)
	eval[bool](p, `(() => { const i = document.querySelector('[data-path="phien.dia_diem"]'); i.value = ''; i.dispatchEvent(new Event('change')); return true; })()`)
	p.until("the place removed", `!state.text.includes('dia_diem = "Ủy') && document.getElementById('summary').hidden`)
	if eval[bool](p, `document.querySelector('[data-path="phien.dia_diem"]').classList.contains('lack')`) {
		t.Error("the place is marked lacking for the pledge alone")
	}
	// ...until the clerk ticks the minutes: the place is tinted, the note
	// under it names the paper, before any paper is asked for.
	p.run(chromedp.Click(chromedp.CSS(`#chooser-papers input[value="bien-ban-hoi-nghi"]`)))
	p.until("the place lacking", `document.querySelector('[data-path="phien.dia_diem"]').classList.contains('lack')`)
	if got := eval[string](p, errorNear(place)); !strings.Contains(got, "Còn thiếu cho: Biên bản hội nghị") || !strings.Contains(got, "Cách sửa") {
		t.Errorf("the note by the place: %q", got)
	}
	if got := eval[string](p, `document.getElementById('chooser-lack').textContent`); !strings.Contains(got, "còn thiếu 1 mục") {
		t.Errorf("the chooser says: %q", got)
	}
	if got := eval[string](p, `document.querySelector('#chooser-papers input[value="bien-ban-hoi-nghi"]').parentElement.textContent`); !strings.Contains(got, "hồ sơ chưa có phần của giấy này") {
		t.Errorf("the minutes' box: %q", got)
	}
	if got := eval[string](p, chosen); got != "bien-ban-hoi-nghi,giao-uoc" {
		t.Errorf("papers chosen: %q", got)
	}
	if !eval[bool](p, `document.getElementById('summary').hidden`) {
		t.Error("a field only the chosen minutes print is reported as an error")
	}
	eval[bool](p, `(() => { document.querySelector('[data-path="phien.dia_diem"]').scrollIntoView({block: 'center'}); return true; })()`)
	p.screenshot("trang-web-giay-chon")
	p.typeInto(place, placeWas)
	p.until("the place given", `!document.querySelector('[data-path="phien.dia_diem"]').classList.contains('lack') && document.getElementById('chooser-lack').textContent.startsWith('Hồ sơ có đủ')`)
	eval[bool](p, `(() => { document.getElementById('left').scrollTo(0, 0); return true; })()`)

	// A member unit's new head shows in the preview.
	p.typeInto(head, "Trần Thị Mới")
	time.Sleep(time.Second) // the timing below is not disturbed by the test's own work
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(pdfText(t, p.previewPDF()), "Trần Thị Mới") {
		if time.Now().After(deadline) {
			t.Fatal("the preview never showed the new head")
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("from the change to the new PDF: %s ms in the page, %s ms shown in the PDF viewer",
		eval[string](p, `document.getElementById('preview').dataset.fetched || '?'`),
		eval[string](p, `document.getElementById('preview').dataset.shown || '?'`))

	// An impossible date: the decoder's Vietnamese error next to the input.
	p.typeInto("phien.ngay", "30/02/2024")
	p.until("the date error", errorNear("phien.ngay")+`.includes('không có thật')`)
	msg := eval[string](p, errorNear("phien.ngay"))
	if !strings.Contains(msg, "tháng 2 năm 2024 chỉ có 29 ngày") || !strings.Contains(msg, "Cách sửa") {
		t.Errorf("date error: %q", msg)
	}
	p.until("the summary", `document.getElementById('summary-list').textContent.includes('phien.ngay')`)
	p.screenshot("trang-web-loi")
	p.typeInto("phien.ngay", "29/02/2024")
	p.until("the date error to go", errorNear("phien.ngay")+` === '' && document.getElementById('summary').hidden`)

	// A new member row, filled in.
	rows := eval[int](p, `document.querySelectorAll('details[data-path="thanh_vien"] tbody tr').length`)
	p.run(chromedp.Click(chromedp.CSS(`details[data-path="thanh_vien"] button.add`)))
	n := rows + 1
	item := fmt.Sprintf("thanh_vien[%d]", n)
	p.until("the new row", fmt.Sprintf(`!!document.querySelector('[data-path=%q]')`, item+".id"))
	p.typeInto(item+".id", "kien-an")
	p.typeInto(item+".ten", "Ủy ban nhân dân quận Kiến An")
	p.typeInto(item+".thu_truong.ho_ten", "Phạm Văn Thủy")
	p.typeInto(item+".thu_truong.chuc_vu", "Chủ tịch")
	p.until("the new member in the preview", `document.getElementById('summary').hidden`)
	deadline = time.Now().Add(20 * time.Second)
	for !strings.Contains(pdfText(t, p.previewPDF()), "Phạm Văn Thủy") {
		if time.Now().After(deadline) {
			t.Fatal("the preview never showed the new member's head")
		}
		time.Sleep(100 * time.Millisecond)
	}

	// Every paper as one .zip.
	p.run(chromedp.Click(chromedp.CSS(`#btn-zip`)))
	var guid string
	select {
	case guid = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("no download")
	}
	zipData, err := os.ReadFile(filepath.Join(downloads, guid))
	if err != nil {
		t.Fatal(err)
	}
	entries := testkit.Unzip(t, zipData)
	if len(entries) != 2 {
		t.Errorf("the .zip holds %d files", len(entries))
	}
	for _, e := range entries {
		var text string
		switch filepath.Ext(e.Name) {
		case ".pdf":
			text = pdfText(t, e.Data)
		case ".docx":
			text = testkit.DOCXText(t, e.Data)
		default:
			t.Errorf("unexpected file %s", e.Name)
		}
		for _, want := range []string{"Trần Thị Mới", "Phạm Văn Thủy", "BẢN GIAO ƯỚC THI ĐUA"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", e.Name, want)
			}
		}
	}

	// Save, reload: the edits are there.
	p.run(chromedp.Click(chromedp.CSS(`#btn-save`)))
	p.until("the save", `document.getElementById('status').textContent.startsWith('Đã lưu')`)
	p.run(chromedp.Reload())
	p.until("the reloaded form", fmt.Sprintf(`(document.querySelector('[data-path=%q]') || {}).value === 'Trần Thị Mới' && !!document.querySelector('[data-path=%q]')`, head, item+".id"))
	saved, _ := os.ReadFile(filepath.Join(dir, name))
	if !strings.Contains(string(saved), `ho_ten = "Trần Thị Mới"`) || !strings.Contains(string(saved), `id = "kien-an"`) || !strings.Contains(string(saved), "ngay = 2024-02-29") {
		t.Errorf("saved file:\n%s", saved)
	}
	if !strings.HasPrefix(string(saved), strings.SplitN(string(src), "\n[", 2)[0]) {
		t.Error("the file's opening comments did not survive")
	}

	// Someone else changes the file: the page's save is refused, says so,
	// and the file keeps the other edit.
	other := string(saved) + "# sửa ở nơi khác\n"
	os.WriteFile(filepath.Join(dir, name), []byte(other), 0o644)
	p.typeInto("cum.ky_hieu", "CTĐKH-2")
	p.until("the edit", `document.getElementById('status').textContent.startsWith('Chưa lưu')`)
	p.run(chromedp.Click(chromedp.CSS(`#btn-save`)))
	p.until("the refusal", `!document.getElementById('banner').hidden && document.getElementById('banner-text').textContent.includes('đã được sửa ở nơi khác')`)
	if now, _ := os.ReadFile(filepath.Join(dir, name)); string(now) != other {
		t.Error("a refused save changed the file")
	}
	if !eval[bool](p, `state.text.includes('CTĐKH-2')`) {
		t.Error("the page lost its edit")
	}
	p.screenshot("trang-web-xung-dot")

	// A batch from the page: two records and one with three errors,
	// progress, then the .zip with the manifest.
	bad := filepath.Join(t.TempDir(), "loi.toml")
	os.WriteFile(bad, []byte("[cum]\nten = \"Cụm\"\n"), 0o644)
	var files []string
	for _, n := range []string{"bac-trung-bo-2023.toml", "hong-linh-2024.toml"} {
		abs, _ := filepath.Abs("../../samples/" + n)
		files = append(files, abs)
	}
	p.run(chromedp.Click(chromedp.CSS(`[data-tab="batch"]`)), chromedp.SetUploadFiles(chromedp.CSS(`#batch-files`), append(files, bad)),
		chromedp.Click(chromedp.CSS(`#btn-batch`)))
	p.until("the batch", `document.getElementById('batch-status').textContent.startsWith('Xong: 4 tệp của 3 hồ sơ, 3 lỗi.')`)
	if got := eval[string](p, `document.getElementById('batch-errors').textContent`); !strings.Contains(got, "loi.toml") || !strings.Contains(got, "Cách sửa") {
		t.Errorf("batch errors: %s", got)
	}
	if got := eval[string](p, `fetch(document.querySelector('#batch-status a').href).then(r => r.arrayBuffer()).then(b => String.fromCharCode(...new Uint8Array(b).slice(0, 2)) + b.byteLength)`); !strings.HasPrefix(got, "PK") {
		t.Errorf("batch .zip: %s", got)
	}
	p.screenshot("trang-web-hang-loat")

	// The Word form filled from the record open.
	form, _ := filepath.Abs("../../samples/forms/dang-ky-giao-uoc.docx")
	p.run(chromedp.Click(chromedp.CSS(`[data-tab="fill"]`)), chromedp.SetUploadFiles(chromedp.CSS(`#fill-form`), []string{form}),
		chromedp.Click(chromedp.CSS(`#btn-fill`)))
	select {
	case guid = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("no filled form: " + eval[string](p, `document.getElementById('fill-status').textContent`))
	}
	filled, _ := os.ReadFile(filepath.Join(downloads, guid))
	if text := testkit.DOCXText(t, filled); !strings.Contains(text, "Cụm thi đua Khối huyện") {
		t.Errorf("filled form:\n%s", text)
	}

	// Next year's record from the one open, named as the page suggests:
	// the year up by one, last session's date gone and asked for.
	p.run(chromedp.Click(chromedp.CSS(`[data-tab="form"]`)), chromedp.Click(chromedp.CSS(`#btn-next`)))
	const next = "hai-phong-khoi-huyen-2025.toml"
	p.until("next year's record", `document.getElementById('records').value === '`+next+`' && !!document.querySelector('[data-path="phien.ngay"]')`)
	nextText, err := os.ReadFile(filepath.Join(dir, next))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(nextText), "nam = 2025") || strings.Contains(string(nextText), "2024-02-28") || !strings.Contains(string(nextText), "năm 2025") {
		t.Errorf("next year's record:\n%s", nextText)
	}
	p.until("the date asked for", `document.querySelector('[data-path="phien.ngay"]').value === '' && `+errorNear("phien.ngay")+` !== ''`)
	// The calendar: the button opens the browser's date picker; the day
	// picked there is written as a clerk reads it, and saved in the record.
	eval[bool](p, `(() => { window.pageErrors = []; window.addEventListener('error', (e) => pageErrors.push(e.message)); return true; })()`)
	p.run(chromedp.Click(chromedp.CSS(`.datebox:has([data-path="phien.ngay"]) button.cal`)))
	time.Sleep(200 * time.Millisecond)
	if errs := eval[string](p, `pageErrors.join('; ')`); errs != "" {
		t.Errorf("the calendar button: %s", errs)
	}
	eval[bool](p, `(() => { const pick = document.querySelector('.datebox:has([data-path="phien.ngay"]) .picker'); pick.value = '2025-03-14'; pick.dispatchEvent(new Event('change')); return true; })()`)
	p.until("the picked date", `document.querySelector('[data-path="phien.ngay"]').value === '14/03/2025' && state.text.includes('ngay = 2025-03-14') && `+errorNear("phien.ngay")+` === ''`)
	p.run(chromedp.Click(chromedp.CSS(`#btn-save`)))
	p.until("the save", `document.getElementById('status').textContent.startsWith('Đã lưu')`)
	if saved, _ := os.ReadFile(filepath.Join(dir, next)); !strings.Contains(string(saved), "ngay = 2025-03-14") {
		t.Errorf("the picked date was not saved:\n%s", saved)
	}

	// A new blank record: created in the folder, opened, its problems listed.
	p.run(chromedp.Click(chromedp.CSS(`#btn-new`)), chromedp.WaitVisible(chromedp.CSS(`#new-name`)),
		chromedp.SendKeys(chromedp.CSS(`#new-name`), "cum-moi-2025"), chromedp.Click(chromedp.CSS(`#new-ok`)))
	p.until("the new record", `document.getElementById('records').value === 'cum-moi-2025.toml' && !document.getElementById('summary').hidden`)
	if _, err := os.Stat(filepath.Join(dir, "cum-moi-2025.toml")); err != nil {
		t.Error(err)
	}

	// A year-end record: what thidua check computes, in the page.
	p.run(chromedp.Navigate(strings.Replace(p.url, name, review, 1)), chromedp.Reload())
	p.until("the review record", `document.getElementById('records').value === '`+review+`' && !!document.querySelector('[data-path="diem"]')`)
	p.run(chromedp.Click(chromedp.CSS(`[data-tab="check"]`)))
	p.until("the results", `document.getElementById('check-text').textContent.includes('XẾP HẠNG')`)
	p.screenshot("trang-web-ket-qua")
}
