// cpuhot: spends about 0.8 s of CPU in main.hot and about 0.2 s in
// main.cold (both called from main.work), so that a CPU profile names
// main.hot as the hot function, with main.work and main.main above it.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

var sink uint64

//go:noinline
func spin(d time.Duration) uint64 {
	x := uint64(1)
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := 0; i < 1000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	return x
}

//go:noinline
func hot(ms int) { sink += spin(time.Duration(ms) * time.Millisecond) }

//go:noinline
func cold(ms int) { sink += spin(time.Duration(ms) * time.Millisecond) }

//go:noinline
func work(ms int) {
	hot(ms * 4 / 5)
	cold(ms / 5)
}

func main() {
	ms := 1000
	if len(os.Args) > 1 {
		ms, _ = strconv.Atoi(os.Args[1])
	}
	work(ms)
	fmt.Println("done", sink != 0)
}
