// go_inl: built WITHOUT -gcflags=-l by the cases that use it. small() is
// inlined at both of its call sites and has no symbol of its own; fail()
// always panics and forever() loops, so neither has a RET; scale() takes a
// float64 and an int and returns a float64, ratio() takes only floats (Go
// passes floats in XMM registers).
package main

import "os"

func small(s string, i int) int {
	return int(s[i]) * 3
}

//go:noinline
func fail(msg string) {
	panic("fail: " + msg)
}

//go:noinline
func forever() {
	for {
	}
}

//go:noinline
func scale(f float64, n int) float64 {
	return f * float64(n)
}

//go:noinline
func ratio(a, b float64) float64 {
	return a / b
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "fail" {
		fail("asked to")
	}
	if len(os.Args) > 1 && os.Args[1] == "forever" {
		forever()
	}
	t := small(os.Args[0], 0)
	t += small("hello", len(os.Args))
	println("t", t, int(scale(1.5, 2)), int(ratio(9, 3)))
}
