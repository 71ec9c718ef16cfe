// sum: the program of the bpftrace article: main calls sum(11, 22).
package main

func main() {
	println(sum(11, 22))
}

func sum(a, b int) int {
	return a + b
}
