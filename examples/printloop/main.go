// printloop: the latency example of the bcc article: fmt.Println in a
// loop, 30 times, from 3 goroutines that sleep between lines (so that a
// goroutine may continue on another thread).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for g := 1; g <= 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 1; i <= 10; i++ {
				fmt.Println("goroutine", g, "line", i)
				time.Sleep(time.Millisecond)
			}
		}(g)
	}
	wg.Wait()
}
