// workers: a small pool of goroutines, the kind of program the one-liners
// and exercises of the tutorial look into. main sends 100 jobs on a
// channel to 4 workers; each worker calls process(job), which allocates a
// buffer, waits a little (every tenth job sleeps 2 ms) and adds its result
// to a total under a mutex; main collects 100 results, runs the GC once
// and prints the total. With -forever, main sends a job every 10 ms and
// never stops (for gotrace -p).
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"
)

type result struct {
	job  int
	name string
	sum  int
}

var (
	mu    sync.Mutex
	total int
)

//go:noinline
func process(job int, name string) result {
	buf := make([]byte, 64*(job%8+1))
	for i := range buf {
		buf[i] = byte(job + i)
	}
	if job%10 == 0 {
		time.Sleep(2 * time.Millisecond)
	}
	s := 0
	for _, b := range buf {
		s += int(b)
	}
	mu.Lock()
	total += s
	mu.Unlock()
	return result{job: job, name: name, sum: s}
}

func worker(id int, jobs <-chan int, results chan<- result) {
	name := fmt.Sprintf("worker-%d", id)
	for j := range jobs {
		results <- process(j, name)
	}
}

func main() {
	jobs := make(chan int)
	results := make(chan result)
	for w := 1; w <= 4; w++ {
		go worker(w, jobs, results)
	}
	if len(os.Args) > 1 && os.Args[1] == "-forever" {
		go func() {
			for range results {
			}
		}()
		for j := 1; ; j++ {
			jobs <- j
			time.Sleep(10 * time.Millisecond)
		}
	}
	go func() {
		for j := 1; j <= 100; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	names := map[string]int{}
	for i := 0; i < 100; i++ {
		r := <-results
		names[r.name]++
	}
	runtime.GC()
	fmt.Println("total:", total, "workers:", len(names), strings.Repeat("*", len(names)))
}
