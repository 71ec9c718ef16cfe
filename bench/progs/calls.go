// calls: calls hot(i, i+1) N times (the argument, default 1000000) in a
// tight loop, or hotstr(s) with -str, or hot for -secs S seconds (at most
// -rate R calls a second), and prints on stderr how many calls took how
// long: "N calls in T ns".
// Traced minus untraced time, per call, is what tracing a call costs.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"
)

//go:noinline
func hot(a, b int) int { return (a + b) & 7 }

//go:noinline
func hotstr(s string) int { return len(s) }

func main() {
	str := flag.Bool("str", false, "call hotstr(s) instead of hot(i, i+1)")
	secs := flag.Float64("secs", 0, "call hot for this many seconds instead of N times")
	rate := flag.Float64("rate", 0, "with -secs: at most this many calls a second")
	flag.Parse()
	n := 1000000
	if flag.NArg() > 0 {
		n, _ = strconv.Atoi(flag.Arg(0))
	}
	const text = "a string of some length, for printf %s"
	start := time.Now()
	s, calls := 0, 0
	switch {
	case *secs > 0:
		deadline := start.Add(time.Duration(*secs * float64(time.Second)))
		for now := start; now.Before(deadline); now = time.Now() {
			if *rate > 0 && float64(calls) >= *rate*now.Sub(start).Seconds() {
				continue // ahead of the rate: wait
			}
			for k := 0; k < 100; k++ {
				s += hot(calls, calls+1)
				calls++
			}
		}
	case *str:
		for i := 0; i < n; i++ {
			s += hotstr(text[:16+i%16])
		}
		calls = n
	default:
		for i := 0; i < n; i++ {
			s += hot(i, i+1)
		}
		calls = n
	}
	el := time.Since(start)
	fmt.Fprintf(os.Stderr, "%d calls in %d ns (%d)\n", calls, el.Nanoseconds(), s)
}
