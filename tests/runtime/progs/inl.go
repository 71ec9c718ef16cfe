// inl: built WITHOUT -gcflags=-l by the cases that use it. The compiler
// inlines small() at three call sites (one in a loop, one inside mid(),
// which is itself inlined into main), the method (*T).Small in a loop and
// (*Point).Scale in a loop; record() stays a function that each copy
// calls, so every copy keeps code of its own. With n = os.Args[1], small
// is called n + 2 times, (*T).Small n times, (*Point).Scale n times.
package main

import (
	"fmt"
	"os"
	"strconv"
)

type T struct{ n int }

type Point struct{ X, Y int }

var total int

//go:noinline
func record(x int) { total += x }

func small(x int) int {
	record(x)
	return x * 3
}

func (t *T) Small(d int) int {
	t.n += d
	return t.n
}

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
	record(p.X)
}

func mid(x int) int { return small(x + 7) }

func main() {
	n, _ := strconv.Atoi(os.Args[1])
	s := 0
	for i := 0; i < n; i++ {
		s += small(i)
	}
	s += small(len(os.Args))
	s += mid(n)
	t := &T{}
	for i := 0; i < n; i++ {
		t.Small(i)
	}
	pts := make([]Point, n)
	for i := range pts {
		pts[i] = Point{i, 2 * i}
		pts[i].Scale(i + 1)
	}
	fmt.Println(s, t.n, total)
}
