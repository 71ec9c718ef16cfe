// clock: reads the clock in a loop for the seconds given (default 1), so
// that most of its time is spent in the vDSO's clock_gettime, called from
// the runtime's time.now.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

//go:noinline
func clocks(d time.Duration) int64 {
	var s int64
	for end := time.Now().Add(d); time.Now().Before(end); {
		s += time.Now().UnixNano() & 1
	}
	return s
}

func main() {
	secs := 1.0
	if len(os.Args) > 1 {
		secs, _ = strconv.ParseFloat(os.Args[1], 64)
	}
	fmt.Println(clocks(time.Duration(secs*float64(time.Second))) >= 0)
}
