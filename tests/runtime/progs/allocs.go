// allocs: allocates in known amounts: main.buffers makes 1000 []byte of
// 4096 bytes (4 MB of uint8 arrays), main.records 2000 *record of 64
// bytes (128 KB), then prints their sum so nothing is optimized away.
package main

import "fmt"

type record struct {
	id   int64
	name string
	tags [5]int64
}

var keep []interface{}

//go:noinline
func buffers() int {
	n := 0
	for i := 0; i < 1000; i++ {
		b := make([]byte, 4096)
		b[i%4096] = 1
		n += len(b)
		keep = append(keep[:0], b)
	}
	return n
}

//go:noinline
func records() int {
	n := 0
	for i := 0; i < 2000; i++ {
		r := &record{id: int64(i)}
		n += int(r.id) & 1
		keep = append(keep[:0], r)
	}
	return n
}

func main() {
	fmt.Println(buffers(), records())
}
