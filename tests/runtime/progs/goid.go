// goid: goroutines report their own ids (from runtime.Stack) and call
// work(id) so a probe can compare goid with the id passed.
package main

import (
	"bytes"
	"runtime"
	"strconv"
	"sync"
)

func myID() int {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	f := bytes.Fields(buf[:n])
	id, _ := strconv.Atoi(string(f[1]))
	return id
}

//go:noinline
func work(id int) int {
	return id * 2
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := myID()
			work(id)
			println("goroutine", id)
		}()
	}
	wg.Wait()
	work(myID())
}
