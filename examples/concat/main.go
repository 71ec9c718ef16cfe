// concat: the string example of the bpftrace article: a Go string is
// passed as two words, a pointer to its bytes and its length. (The
// article prints with println, which writes a line in pieces; fmt.Println
// writes it at once, so that it does not mix with gotrace's lines.)
package main

import "fmt"

func main() {
	fmt.Println(concat("ab", "cd"))
}

func concat(a, b string) string {
	return a + b
}
