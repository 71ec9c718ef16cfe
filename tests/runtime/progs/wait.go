// wait: calls tick(n) every 10 ms until it has done so `limit` times
// (first argument, default 300: about three seconds), so a tracer can
// attach with -p while it runs.
package main

import (
	"os"
	"strconv"
	"time"
)

func main() {
	limit := 300
	if len(os.Args) > 1 {
		limit, _ = strconv.Atoi(os.Args[1])
	}
	for i := 0; i < limit; i++ {
		tick(i)
		time.Sleep(10 * time.Millisecond)
	}
}

func tick(n int) int { return n }
