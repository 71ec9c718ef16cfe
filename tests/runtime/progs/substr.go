// substr: a string argument that is a slice of a longer string, so the
// bytes after its length are not its own.
package main

func main() {
	long := "abcdefghij"
	n := len(long) / 5
	show(long[:n], long[2:2+n*2])
}

func show(a, b string) int { return len(a) + len(b) }
