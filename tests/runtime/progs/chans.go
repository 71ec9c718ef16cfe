// chans: blocks on channels for known times: main.receiver waits 50 ms
// in a receive for what main.main sends late; main.sender waits about
// 40 ms in an unbuffered send until main.main receives; main.selector
// waits 30 ms in a select until a timer fires. Each blocks once.
package main

import (
	"fmt"
	"time"
)

//go:noinline
func receiver(c chan int, done chan bool) {
	v := <-c // about 50 ms
	done <- v == 1
}

//go:noinline
func sender(c chan int) {
	c <- 2 // about 40 ms, until main receives
}

//go:noinline
func selector(t <-chan time.Time, q chan int, done chan bool) {
	select { // about 30 ms, until the timer fires
	case <-t:
	case <-q:
	}
	done <- true
}

func main() {
	c, s, q := make(chan int), make(chan int), make(chan int)
	done := make(chan bool, 3)
	go receiver(c, done)
	go sender(s)
	go selector(time.After(30*time.Millisecond), q, done)
	time.Sleep(40 * time.Millisecond)
	<-s
	time.Sleep(10 * time.Millisecond)
	c <- 1
	fmt.Println(<-done, <-done)
}
