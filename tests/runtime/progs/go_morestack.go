// go_morestack: 100 goroutines each call big(i) once; big's 64 KiB frame
// (kept: the array is filled and read through a slice) does not fit a new
// goroutine's stack, so its prologue calls morestack, and the function is
// entered again from its first instruction on the grown stack.
// (an earlier progs/morestack.go meant the same, but the compiler dropped its array and
// big() there has a 24-byte frame.)
package main

import "sync"

//go:noinline
func fill(b []byte, n int) int {
	s := 0
	for i := range b {
		b[i] = byte(i + n)
		s += int(b[i])
	}
	return s
}

//go:noinline
func big(n int) int {
	var x [64 << 10]byte
	return fill(x[:], n) + int(x[n])
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := big(i)
			mu.Lock()
			total += r
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	println("total", total)
}
