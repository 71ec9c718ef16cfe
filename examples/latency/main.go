// latency: 8 workers handle 50 jobs each; a job sleeps a few milliseconds,
// so the goroutine parks and may resume on another thread.
package main

import (
	"math/rand"
	"sync"
	"time"
)

//go:noinline
func handle(job int) int {
	time.Sleep(time.Duration(1+rand.Intn(8)) * time.Millisecond)
	return job * 2
}

func main() {
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				handle(w*100 + j)
			}
		}(w)
	}
	wg.Wait()
}
