// growslice: appends in a loop, so runtime.growslice runs as the slice
// grows. Stops after 2000 appends.
package main

import "time"

func main() {
	var s []int
	for i := 0; i < 2000; i++ {
		s = append(s, 1)
		if i%200 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	println(len(s))
}
