// docmain: the ./main the examples of docs/language.md and docs/builtins.md
// are written against: sum(a, b), concat(a, b), divmod(a, b) (two
// results) and describe(v) (an interface), called once each from main.
package main

import "strconv"

type celsius int

func (c celsius) String() string { return strconv.Itoa(int(c)) + "C" }

type stringer interface{ String() string }

func main() {
	println(sum(11, 22))
	println(concat("ab", "cd"))
	q, r := divmod(17, 5)
	println(q, r)
	println(describe(celsius(21)))
}

func sum(a, b int) int { return a + b }

func concat(a, b string) string { return a + b }

func divmod(a, b int) (int, int) { return a / b, a % b }

func describe(v stringer) string { return v.String() }
