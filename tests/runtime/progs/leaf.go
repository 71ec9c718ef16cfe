// leaf: spends its time in leaf functions called from main: work() has no
// frame of its own (a loop on registers), framed() has one (a local array
// on the stack), tiny() has one and does so little that its prologue and
// epilogue take a good part of its time. Runs for the seconds given
// (default 1).
package main

import (
	"os"
	"strconv"
	"time"
)

//go:noinline
func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i*i ^ (s >> 3)
	}
	return s
}

//go:noinline
func framed(n int) int {
	var a [64]int
	for i := 0; i < n; i++ {
		a[i&63] += i ^ a[(i*7)&63]
	}
	return a[n&63]
}

//go:noinline
func tiny(i int) int {
	var a [4]int
	a[i&3] = i
	return a[(i+1)&3]
}

func main() {
	secs := 1.0
	if len(os.Args) > 1 {
		secs, _ = strconv.ParseFloat(os.Args[1], 64)
	}
	end := time.Now().Add(time.Duration(secs * float64(time.Second)))
	t := 0
	for time.Now().Before(end) {
		for k := 0; k < 100; k++ {
			t += work(2000)
			t += framed(300)
			for j := 0; j < 200; j++ {
				t += tiny(j)
			}
		}
	}
	if t == 42 {
		println(t)
	}
}
