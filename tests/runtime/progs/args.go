// args: parameters of every kind, for args.NAME from DWARF: integers, a
// string, a slice, a pointer to a struct, a bool, an int8, floats, and a
// struct passed by value.
package main

type Inner struct {
	Name string
	ID   int32
}

type T struct {
	A    int
	S    string
	In   Inner
	Next *T
}

//go:noinline
func work(n int, s string, b []byte, t *T, flag bool, small int8) (int, string) {
	return n + len(s) + len(b), s + "!"
}

//go:noinline
func area(w, h float64) float64 { return w * h }

//go:noinline
func byval(t T, k int) int { return t.A + k }

func main() {
	t := &T{A: 7, S: "seven", In: Inner{Name: "inner", ID: 42}, Next: &T{A: 8, S: "eight"}}
	println(work(3, "hello", []byte("abcd"), t, true, -5))
	println(area(2, 3))
	println(byval(*t, 1))
}
