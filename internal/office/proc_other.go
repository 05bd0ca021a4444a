//go:build !unix

package office

import "os/exec"

// killGroup keeps exec's default: on cancellation the process is killed.
func killGroup(cmd *exec.Cmd) {}
