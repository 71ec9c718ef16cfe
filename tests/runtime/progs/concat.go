// concat: string arguments are two words each (pointer, length).
package main

func main() {
	println(concat("ab", "cd"))
}

func concat(a, b string) string {
	return a + b
}
