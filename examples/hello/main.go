// hello: the program of the bcc article ("Golang bcc/BPF Function
// Tracing", Brendan Gregg, 2017): fmt.Println once.
package main

import "fmt"

func main() {
	fmt.Println("Hello, BPF!")
}
