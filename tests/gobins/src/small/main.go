// small is built with every Go toolchain the test set-up can get, so that
// the golang/ unit tests can compare what gotrace computes (goid offset,
// prologues, RET sites, register assignment) with each release's DWARF.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

//go:noinline
func sum(a, b int) int {
	return a + b
}

//go:noinline
func multi(x int) (int, string, bool) {
	if x < 0 {
		return -x, "neg", false
	}
	if x == 0 {
		return 0, "zero", true
	}
	return x * 2, strconv.Itoa(x), true
}

// deep needs more stack than a new goroutine has.
//
//go:noinline
func deep(n int) int {
	var buf [8192]byte
	for i := range buf {
		buf[i] = byte(n + i)
	}
	if n <= 0 {
		return int(buf[100])
	}
	return deep(n-1) + int(buf[n%8192])
}

// goid reads the goroutine id from the runtime's stack dump header.
func goid() int {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	f := strings.Fields(string(buf[:n]))
	id, _ := strconv.Atoi(f[1])
	return id
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println("goroutine", goid(), sum(i, 1), deep(i))
		}(i)
	}
	wg.Wait()
	a, s, ok := multi(len(os.Args))
	fmt.Println(a, s, ok)
}
