// sched: with GOMAXPROCS 1, main.busy goroutines (4 of them) each spin
// for 2 ms at a time and yield (runtime.Gosched) 20 times: each waits in
// the run queue while the others spin, milliseconds at a time.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

var sink int

//go:noinline
func busy(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 20; i++ {
		for end := time.Now().Add(2 * time.Millisecond); time.Now().Before(end); {
			sink++
		}
		runtime.Gosched()
	}
}

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go busy(&wg)
	}
	wg.Wait()
	fmt.Println("done")
}
