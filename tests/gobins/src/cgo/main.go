// cgo is a cgo program (externally linked, text starts with C code).
package main

/*
#include <stdio.h>
static int cadd(int a, int b) { return a + b; }
*/
import "C"

import (
	"fmt"
	"os"
)

//go:noinline
func sum(a, b int) int {
	return a + b
}

func main() {
	fmt.Println(sum(1, len(os.Args)), C.cadd(2, 3))
}
