// iface: describe(interface{}) and show(fmt.Stringer) get values of
// several dynamic types, for gotype().
package main

import (
	"fmt"
	"os"
)

type T struct{ A int }
type S string

func (s S) String() string { return string(s) }

//go:noinline
func describe(v interface{}) int { return 1 }

//go:noinline
func show(s fmt.Stringer) string { return s.String() }

func main() {
	describe(42)
	describe("str")
	describe(&T{1})
	describe(T{2})
	describe(os.Stdout)
	describe(3.5)
	show(S("x"))
	show(&fmtStringer{})
}

type fmtStringer struct{}

func (*fmtStringer) String() string { return "p" }
