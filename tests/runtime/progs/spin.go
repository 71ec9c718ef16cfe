// spin: calls tick(i) for i = 0 .. n-1 in a tight loop (n is the first
// argument, default 200000), as fast as it can: a tracer that sends an
// event per call falls behind.
package main

import (
	"os"
	"strconv"
)

//go:noinline
func tick(i int) int { return i + 1 }

func main() {
	n := 200000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	t := 0
	for i := 0; i < n; i++ {
		t += tick(i)
	}
	println(t)
}
