// idle: idles 1.5 s, calls ping(1), writes when it did (Unix
// nanoseconds) to the file named by its first argument, then idles 2 s
// more: what a tracer prints must arrive while nothing else happens.
package main

import (
	"fmt"
	"os"
	"time"
)

//go:noinline
func ping(n int) int { return n }

func main() {
	time.Sleep(1500 * time.Millisecond)
	t := time.Now().UnixNano()
	ping(1)
	os.WriteFile(os.Args[1], []byte(fmt.Sprint(t)), 0o644)
	time.Sleep(2 * time.Second)
}
