//go:build unix

package office

import (
	"os/exec"
	"syscall"
)

// killGroup runs the command in its own process group and, on
// cancellation, kills the whole group: soffice starts soffice.bin, which
// would outlive a kill of its parent alone.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
