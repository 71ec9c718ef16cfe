// hello: the program of the bcc article: fmt.Println once.
package main

import "fmt"

func main() {
	fmt.Println("Hello, BPF!")
}
