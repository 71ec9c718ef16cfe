// vals: a program for the differential tests (gotrace against bpftrace
// 0.17). Every function is called a known number of times with known
// arguments, and no two keys of the maps the tests build share a count, so
// the sorted map output is the same in both tools.
//
//	val(x)      x = -5000, -3, -1, 0, 0, 1, 2, 3, 5, 7, 8, 10, 15, 64, 100,
//	            999, 1000, 1024, 2048, 5000, 65536, 1<<20, 3<<20, 1<<30,
//	            3000000000 (25 calls)
//	pair(a, b)  for 1 <= b <= a <= 4, called 1, 2, ..., 10 times in the
//	            order (1,1) (2,1) (2,2) (3,1) ... (4,4): 55 calls
//	name(s)     "alpha" once, "beta" twice, "gamma" three times,
//	            "delta" four times, "epsilon-is-a-long-name" five times
//	point(p)    p points at a T{A: -2, B: 300, C: 'g', D: 70000}, twice
package main

type T struct {
	A int64
	B uint16
	C byte
	D int32
}

//go:noinline
func val(x int) int { return x + 1 }

//go:noinline
func pair(a, b int) int { return a*10 + b }

//go:noinline
func name(s string) int { return len(s) }

//go:noinline
func point(p *T) int64 { return p.A + int64(p.D) }

func main() {
	t := 0
	for _, x := range []int{-5000, -3, -1, 0, 0, 1, 2, 3, 5, 7, 8, 10, 15, 64,
		100, 999, 1000, 1024, 2048, 5000, 65536, 1 << 20, 3 << 20, 1 << 30,
		3000000000} {
		t += val(x)
	}
	// pair(a, b) for 1 <= b <= a <= 4 is called k times, k = 1..10 in
	// the order (1,1) (2,1) (2,2) (3,1) (3,2) (3,3) (4,1) (4,2) (4,3) (4,4).
	k := 1
	for a := 1; a <= 4; a++ {
		for b := 1; b <= a; b++ {
			for i := 0; i < k; i++ {
				t += pair(a, b)
			}
			k++
		}
	}
	for i, s := range []string{"alpha", "beta", "gamma", "delta", "epsilon-is-a-long-name"} {
		for j := 0; j <= i; j++ {
			t += name(s)
		}
	}
	p := &T{A: -2, B: 300, C: 'g', D: 70000}
	t += int(point(p))
	t += int(point(p))
	println(t)
}
