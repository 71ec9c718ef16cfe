// sum is the first program of the tutorial: main adds pairs of numbers with
// sum(), which gotrace watches from outside.
package main

import "fmt"

func main() {
	total := 0
	for i := 1; i <= 3; i++ {
		total = sum(total, i*11)
	}
	fmt.Println("total:", total)
}

//go:noinline
func sum(a, b int) int {
	return a + b
}
