// growslice: the slice example of the bpftrace article: append one int at
// a time, so runtime.growslice runs each time the slice is full. The
// article's loop ticks forever; this one stops after 10,000 appends. It
// prints nothing, as the article's.
package main

import "time"

func main() {
	var s []int
	for range time.Tick(time.Microsecond) {
		s = append(s, 1)
		if len(s) == 10000 {
			break
		}
	}
	_ = s
}
