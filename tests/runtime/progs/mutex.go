// mutex: 4 goroutines (main.contend) each take a sync.Mutex 5 times and
// hold it 10 ms, so that while one holds it the others wait (about
// 20 x 10 ms of holding, most of it waited for by 3 others); then 3
// readers (main.reader) wait 30 ms for a sync.RWMutex a writer holds.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu    sync.Mutex
	rw    sync.RWMutex
	total int
)

//go:noinline
func contend(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 5; i++ {
		mu.Lock()
		time.Sleep(10 * time.Millisecond)
		total++
		mu.Unlock()
	}
}

//go:noinline
func reader(wg *sync.WaitGroup) {
	defer wg.Done()
	rw.RLock()
	total++
	rw.RUnlock()
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go contend(&wg)
	}
	wg.Wait()
	rw.Lock()
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go reader(&wg)
	}
	time.Sleep(30 * time.Millisecond)
	rw.Unlock()
	wg.Wait()
	fmt.Println("total", total)
}
