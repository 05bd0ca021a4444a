package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"thidua/internal/batch"
	"thidua/internal/batch/synth"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// thidua builds the command once for the tests that run it as a process.
func thidua(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "thidua-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "thidua")
		out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// papers lists the files under dir by relative name; temporary files of
// an interrupted write are listed apart.
func papers(t *testing.T, dir string) (final, temp []string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(d.Name(), ".thidua-tmp-") {
			temp = append(temp, rel)
		} else if d.Name() != batch.ManifestName {
			final = append(final, rel)
		}
		return nil
	})
	return final, temp
}

// startBatch runs `thidua batch` on a generated record of n nominees and
// returns once at least `some` papers' files exist.
func startBatch(t *testing.T, in, out string, some int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(thidua(t), "batch", in, "-o", out, "-j", "2")
	cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if final, _ := papers(t, out); len(final) >= some {
			return cmd
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	t.Fatalf("no %d files after 60 s", some)
	return nil
}

// checkWhole compares every final file under out with the same file of a
// complete run: a killed or stopped run may lack files, never hold a part.
func checkWhole(t *testing.T, out, ref string) int {
	t.Helper()
	final, _ := papers(t, out)
	for _, f := range final {
		got, _ := os.ReadFile(filepath.Join(out, f))
		want, err := os.ReadFile(filepath.Join(ref, f))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, not the %d bytes of a complete run (%v)", f, len(got), len(want), err)
		}
	}
	return len(final)
}

func writeRecord(t *testing.T, n int) (in, ref string) {
	t.Helper()
	dir := t.TempDir()
	in = filepath.Join(dir, "lon.toml")
	if err := os.WriteFile(in, synth.Record(n, 7), 0o644); err != nil {
		t.Fatal(err)
	}
	ref = filepath.Join(dir, "tham-chieu")
	if out, err := exec.Command(thidua(t), "batch", in, "-o", ref).CombinedOutput(); err != nil {
		t.Fatalf("reference run: %v\n%s", err, out)
	}
	return in, ref
}

// Killed outright mid-run, the batch leaves no partial file under a
// paper's name (at most temporary files); running it again completes it
// and removes them.
func TestBatchKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command on 300 nominees")
	}
	in, ref := writeRecord(t, 300)
	out := filepath.Join(t.TempDir(), "ra")
	cmd := startBatch(t, in, out, 40)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	all, _ := papers(t, ref)
	kept := checkWhole(t, out, ref)
	_, temp := papers(t, out)
	t.Logf("killed with %d of %d files written, %d temporary files left", kept, len(all), len(temp))
	if kept >= len(all) {
		t.Fatalf("the run was not killed midway: %d of %d files", kept, len(all))
	}
	again := exec.Command(thidua(t), "batch", in, "-o", out)
	stdout, err := again.Output()
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, stdout)
	}
	final, temp := papers(t, out)
	if len(final) != len(all) || len(temp) > 0 || checkWhole(t, out, ref) != len(all) {
		t.Errorf("after the second run: %d of %d files, temporary files %v", len(final), len(all), temp)
	}
	var m batch.Summary
	data, _ := os.ReadFile(filepath.Join(out, batch.ManifestName))
	if err := json.Unmarshal(data, &m); err != nil || m.Records[0].Unchanged < kept-2 || m.Interrupted {
		t.Errorf("manifest of the second run: %d unchanged, %d kept from the killed run (%v)", m.Records[0].Unchanged, kept, err)
	}
}

// Ctrl-C stops the batch cleanly: whole files, the manifest of what was
// done, exit code 130; running it again completes it.
func TestBatchInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command on 300 nominees")
	}
	in, ref := writeRecord(t, 300)
	out := filepath.Join(t.TempDir(), "ra")
	cmd := startBatch(t, in, out, 40)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
		t.Fatalf("exit %v, want code %d", err, exitInterrupted)
	}
	if s := cmd.Stdout.(*bytes.Buffer).String(); !strings.Contains(s, "Đã dừng theo yêu cầu") {
		t.Errorf("stdout: %s", s)
	}
	kept := checkWhole(t, out, ref)
	t.Logf("stopped with %d files written", kept)
	var m batch.Summary
	data, _ := os.ReadFile(filepath.Join(out, batch.ManifestName))
	if err := json.Unmarshal(data, &m); err != nil || !m.Interrupted || len(m.Files) != kept {
		t.Errorf("manifest: interrupted %v, %d files listed, %d on disk (%v)", m.Interrupted, len(m.Files), kept, err)
	}
	if _, temp := papers(t, out); len(temp) > 0 {
		t.Errorf("a stopped run leaves no temporary file: %v", temp)
	}
	if out, err := exec.Command(thidua(t), "batch", in, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("second run: %v\n%s", err, out)
	}
	if all, _ := papers(t, ref); checkWhole(t, out, ref) != len(all) {
		t.Error("the second run completes the papers")
	}
}

// The command line: usage errors and the exit code of a record error.
func TestBatchCommandLine(t *testing.T) {
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr}
	if code := run(e, []string{"batch"}); code != exitUsage || !strings.Contains(stderr.String(), "cần ít nhất một tệp hồ sơ") {
		t.Errorf("no input: %d %s", code, stderr.String())
	}
	stderr.Reset()
	if code := run(e, []string{"batch", "../../samples", "-j", "0"}); code != exitUsage || !strings.Contains(stderr.String(), "-j phải từ 1 trở lên") {
		t.Errorf("-j 0: %d %s", code, stderr.String())
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "hong.toml")
	os.WriteFile(bad, []byte("[cum]\nnam = \"2023\"\n"), 0o644)
	stdout.Reset()
	if code := run(e, []string{"batch", bad, "../../samples/hong-linh-khen-thuong-2023.toml", "-o", filepath.Join(dir, "ra")}); code != exitInput {
		t.Errorf("a bad record: exit %d, want %d", code, exitInput)
	}
	if s := stdout.String(); !strings.Contains(s, bad+":2:7: cum.nam:") || !strings.Contains(s, "hong-linh-khen-thuong-2023.toml") {
		t.Errorf("summary: %s", s)
	}
}
