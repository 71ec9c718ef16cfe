// sleepy: 20 goroutines each call nap() 5 times; nap sleeps 10 ms, so the
// goroutine parks and may wake on another thread.
package main

import (
	"runtime"
	"sync"
	"time"
)

//go:noinline
func nap(i int) int {
	time.Sleep(10 * time.Millisecond)
	runtime.Gosched()
	return i
}

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 20; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				nap(g*10 + i)
			}
		}(g)
	}
	wg.Wait()
}
