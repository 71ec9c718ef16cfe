// dies: calls tick(i) for i = 0, 1, 2, then ends as its argument says:
//   segv   SIGSEGV, sent to itself with the default action (the Go
//          runtime's handler taken away: it would end with SIGABRT)
//   abort  SIGABRT, sent to itself: the Go runtime prints a traceback and
//          kills itself with SIGABRT (the traceback setting is "crash")
//   nil    a write through a nil pointer: a panic, then the same
//   kill   SIGKILL, sent to itself
//   exit3  os.Exit(3)
// With "wait" first, it prints
// "ready" and waits for a line on stdin before it starts (for -p).
package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"syscall"
	"unsafe"
)

//go:noinline
func tick(i int) int { return i + 1 }

// The kernel's struct sigaction (x86-64).
type sigaction struct {
	handler, flags, restorer, mask uint64
}

var sink *int

func die(how string) {
	switch how {
	case "segv":
		var dfl sigaction // SIG_DFL
		syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, uintptr(syscall.SIGSEGV),
			uintptr(unsafe.Pointer(&dfl)), 0, 8, 0, 0)
		syscall.Kill(os.Getpid(), syscall.SIGSEGV)
	case "nil":
		*sink = 1
	case "abort":
		syscall.Kill(os.Getpid(), syscall.SIGABRT)
	case "kill":
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
	case "exit3":
		os.Exit(3)
	default:
		return
	}
	select {} // until the signal arrives
}

func main() {
	debug.SetTraceback("crash")
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "wait" {
		os.Stdout.WriteString("ready\n")
		bufio.NewReader(os.Stdin).ReadString('\n')
		args = args[1:]
	}
	for i := 0; i < 3; i++ {
		tick(i)
	}
	if len(args) > 0 {
		die(args[0])
	}
}
