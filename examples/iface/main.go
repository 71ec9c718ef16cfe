// iface: describe(interface{}) gets values of several dynamic types; an
// interface is two words, its type and a pointer to its value.
package main

import (
	"fmt"
	"os"
)

type T struct{ A int }

//go:noinline
func describe(v interface{}) int { return 1 }

func main() {
	describe(42)
	describe("gopher")
	describe(&T{1})
	describe(T{2})
	describe(os.Stdout)
	describe(3.5)
	fmt.Println("described 6 values")
}
