// basic is the Go program the golang/ unit tests read: functions with
// known signatures, prologues, several RETs, a big frame, floats, strings,
// slices, interfaces, structs, methods, and a function the compiler inlines
// (when built without -gcflags=-l).
package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
)

type Point struct {
	X, Y int
}

type Store struct {
	m map[string]int
}

//go:noinline
func sum(a, b int) int {
	return a + b
}

// multi returns from several places.
//
//go:noinline
func multi(x int) (int, string, bool) {
	if x < 0 {
		return -x, "neg", false
	}
	if x == 0 {
		return 0, "zero", true
	}
	s := strconv.Itoa(x)
	return x * 2, s, true
}

//go:noinline
func greet(s string, n int) string {
	return strings.Repeat(s, n)
}

// deep has a frame bigger than the small-frame stack check allows.
//
//go:noinline
func deep(n int) int {
	var buf [8192]byte
	for i := range buf {
		buf[i] = byte(n + i)
	}
	if n <= 0 {
		return int(buf[100])
	}
	return deep(n-1) + int(buf[n%8192])
}

//go:noinline
func scale(f float64, n int) float64 {
	return f * float64(n)
}

//go:noinline
func dist(p Point, q *Point) int {
	return (p.X-q.X)*(p.X-q.X) + (p.Y-q.Y)*(p.Y-q.Y)
}

//go:noinline
func count(xs []int, v interface{}) int {
	n := 0
	for _, x := range xs {
		if x == v.(int) {
			n++
		}
	}
	return n
}

// toomany has more integer words than there are argument registers.
//
//go:noinline
func toomany(a, b, c, d, e int, s string, xs []int, t string) int {
	return a + b + c + d + e + len(s) + len(xs) + len(t)
}

//go:noinline
func (st *Store) Get(k string) (int, error) {
	v, ok := st.m[k]
	if !ok {
		return 0, errors.New("missing " + k)
	}
	return v, nil
}

// tiny is inlined everywhere unless built with -gcflags=-l.
func tiny(x int) int {
	return x*3 + 1
}

//go:noinline
func path(r *http.Request, u *url.URL) string {
	if r != nil {
		return r.URL.Path
	}
	return u.Path
}

// goid reads the goroutine id the slow way, for comparison.
func goid() int {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	f := strings.Fields(string(buf[:n]))
	id, _ := strconv.Atoi(f[1])
	return id
}

func main() {
	st := &Store{m: map[string]int{"a": 1}}
	v, err := st.Get("a")
	a, s, ok := multi(len(os.Args))
	p := Point{1, 2}
	u, _ := url.Parse("http://localhost/x")
	fmt.Println(sum(1, 2), v, err, a, s, ok, greet("ab", 2), deep(2),
		scale(1.5, 2), dist(p, &Point{3, 4}), count([]int{1, 2, 1}, 1),
		toomany(1, 2, 3, 4, 5, "x", nil, "y"), tiny(len(os.Args)),
		tiny(v), path(nil, u), goid())
}
