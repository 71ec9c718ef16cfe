// many: a function with eleven integer arguments; Go's register ABI has
// nine integer registers, so the last two are passed on the stack.
package main

func main() {
	println(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 200))
}

func many(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11 int) int {
	return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11
}
