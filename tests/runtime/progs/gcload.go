// gcload: runs 5 garbage collections (runtime.GC) with about 8 MB of live
// heap, allocating garbage between them.
package main

import (
	"fmt"
	"runtime"
)

var live [][]byte

func main() {
	for i := 0; i < 8; i++ {
		live = append(live, make([]byte, 1<<20))
	}
	for i := 0; i < 5; i++ {
		for j := 0; j < 100; j++ {
			_ = make([]byte, 64<<10)
		}
		runtime.GC()
	}
	fmt.Println(len(live))
}
