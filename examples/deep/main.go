// deep: why kernel return probes crash Go. 200 goroutines each recurse 50
// deep through deep(), whose 1 KiB frame makes the goroutine's stack grow
// (Go copies it to a bigger one) while deep() calls are pending. A kernel
// uretprobe has replaced their return addresses on the stack, and the
// copying runtime does not know that address. deep(n) returns
// (n, "done", true).
package main

import (
	"fmt"
	"sync"
)

//go:noinline
func deep(n int) (int, string, bool) {
	var buf [1024]byte
	buf[n%1024] = byte(n)
	if n == 0 {
		return int(buf[0]), "done", true
	}
	r, s, b := deep(n - 1)
	return r + 1 + int(buf[n%1024]) - n%256, s, b
}

func main() {
	var wg sync.WaitGroup
	total := 0
	var mu sync.Mutex
	for g := 0; g < 200; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, _, _ := deep(50)
			mu.Lock()
			total += r
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("total", total)
}
