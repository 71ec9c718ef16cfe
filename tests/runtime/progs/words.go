// words: deterministic work through small standard-library functions
// that the compiler inlines (strings.HasPrefix, unicode/utf8.RuneLen,
// sync.(*Mutex).Lock, ...), to compare call counts of an inlining build
// with those of a build without inlining.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

var mu sync.Mutex

func main() {
	n, _ := strconv.Atoi(os.Args[1])
	words := []string{"go", "gopher", "trace", "gotrace", "inline", "ünïcödé", "probe", "gc"}
	hits, runes, total := 0, 0, 0
	for i := 0; i < n; i++ {
		w := words[i%len(words)]
		if strings.HasPrefix(w, "go") {
			hits++
		}
		if strings.HasSuffix(w, "e") {
			hits++
		}
		for _, r := range w {
			runes += utf8.RuneLen(r)
		}
		mu.Lock()
		total += len(w)
		mu.Unlock()
		if strings.Contains(w, "ace") {
			hits++
		}
	}
	fmt.Println(hits, runes, total)
}
