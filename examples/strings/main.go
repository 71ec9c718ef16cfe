// strings: Go passes a string as two words, a pointer and a length, and
// its bytes end without a NUL. greet() takes two strings.
package main

import "fmt"

//go:noinline
func greet(greeting, name string) string {
	return greeting + ", " + name + "!"
}

func main() {
	for _, n := range []string{"gopher", "bpf", "world"} {
		fmt.Println(greet("hello", n))
	}
}
