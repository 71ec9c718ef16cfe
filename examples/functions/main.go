// functions: the second program of the bcc article, from the Go tour:
// main.add(42, 13). Built with gc it is inlined into main unless built
// with -gcflags=-l; gccgo keeps it.
package main

import "fmt"

func add(x int, y int) int {
	return x + y
}

func main() {
	fmt.Println(add(42, 13))
}
