// panics: panics 4 times and recovers each (a string, an error from
// errors.New, a fmt.Errorf error, an index out of range), then, when run
// with "die", panics with a string it does not recover (exit status 2).
package main

import (
	"errors"
	"fmt"
	"os"
)

//go:noinline
func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	f()
}

//go:noinline
func boom() { panic("boom") }

//go:noinline
func failed() { panic(errors.New("disk full")) }

//go:noinline
func wrapped() { panic(fmt.Errorf("open %s: %w", "/etc/app.conf", errors.New("no such file"))) }

//go:noinline
func index(xs []int, i int) int { return xs[i] }

func main() {
	try(boom)
	try(failed)
	try(wrapped)
	try(func() { index([]int{1, 2, 3}, 5) })
	if len(os.Args) > 1 && os.Args[1] == "die" {
		panic("fatal: giving up")
	}
}
