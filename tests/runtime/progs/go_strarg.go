// go_strarg: a string as the first argument (two words: pointer, length),
// and string headers in memory behind a *string and in a struct's fields.
package main

type Person struct {
	Name string // offset 0
	Age  int    // offset 16
	City string // offset 24
}

//go:noinline
func greet(name string, n int) int {
	return len(name) * n
}

//go:noinline
func visit(p *Person) int {
	return p.Age + len(p.City)
}

//go:noinline
func label(s *string) int {
	return len(*s)
}

func main() {
	t := 0
	for i, n := range []string{"alice", "bob", "carol"} {
		t += greet(n, i+1)
	}
	p := &Person{Name: "dave", Age: 42, City: "Paris"}
	t += visit(p)
	s := "pointer"
	t += label(&s)
	println("t", t)
}
