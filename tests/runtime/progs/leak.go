// leak: starts 3 goroutines of main.worker that finish, and 5 of
// main.leaky that block forever on a channel nobody sends on, from one
// go statement each in main.main; waits 300 ms, then exits with the 5
// still blocked. A goroutine-leak detector must name main.leaky, started
// by main.main at the leaky line, 5 times, and nothing else of ours.
package main

import (
	"fmt"
	"sync"
	"time"
)

var never = make(chan int)

//go:noinline
func leaky(id int) {
	<-never // blocks forever
	fmt.Println("unreachable", id)
}

//go:noinline
func worker(id int, wg *sync.WaitGroup) {
	time.Sleep(time.Duration(id) * time.Millisecond)
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(i, &wg) // finishes
	}
	for i := 0; i < 5; i++ {
		go leaky(i) // leaks
	}
	wg.Wait()
	time.Sleep(300 * time.Millisecond)
	fmt.Println("exiting with 5 goroutines blocked")
}
