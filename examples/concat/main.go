// concat: the string example of the bpftrace article: a Go string is
// passed as two words, a pointer to its bytes and its length.
package main

func main() {
	println(concat("ab", "cd"))
}

func concat(a, b string) string {
	return a + b
}
