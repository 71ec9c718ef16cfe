// loop: calls f(i % 5) a thousand times, then g(i) ten times, so that
// counts, sums and keys are known: f gets 0..4 two hundred times each.
package main

func main() {
	t := 0
	for i := 0; i < 1000; i++ {
		t += f(i % 5)
	}
	for i := 0; i < 10; i++ {
		t += g(i * 100)
	}
	println(t)
}

func f(x int) int { return x + 1 }

func g(x int) int { return x * 2 }
