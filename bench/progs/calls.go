// calls: calls hot(i) N times (first argument, default 1000000) in a tight
// loop and prints how long that took, for the per-event cost.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

//go:noinline
func hot(i int) int { return i & 7 }

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	start := time.Now()
	s := 0
	for i := 0; i < n; i++ {
		s += hot(i)
	}
	el := time.Since(start)
	fmt.Fprintf(os.Stderr, "%d calls in %d ns (%d)\n", n, el.Nanoseconds(), s)
}
