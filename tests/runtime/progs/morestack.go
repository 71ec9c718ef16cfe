// morestack: 100 goroutines each call big() once; big's 64 KiB frame does
// not fit a new goroutine's stack, so its prologue calls morestack and runs
// again on the grown stack.
package main

import "sync"

//go:noinline
func big(n int) int {
	var x [64 << 10]byte
	x[n] = byte(n)
	return int(x[n]) + len(x)
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			big(i)
		}(i)
	}
	wg.Wait()
}
