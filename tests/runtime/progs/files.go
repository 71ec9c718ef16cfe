// files: opens files in the directory it is given (default "."): creates
// out.txt (os.Create: O_RDWR|O_CREATE|O_TRUNC, 0666), reads it back
// (os.ReadFile: O_RDONLY), opens missing.txt (no such file or directory),
// and opens the directory itself for writing (is a directory).
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	f, err := os.Create(filepath.Join(dir, "out.txt"))
	if err == nil {
		f.WriteString("hello\n")
		f.Close()
	}
	b, err := os.ReadFile(filepath.Join(dir, "out.txt"))
	fmt.Println(len(b), err)
	_, err = os.Open(filepath.Join(dir, "missing.txt"))
	fmt.Println(err)
	_, err = os.OpenFile(dir, os.O_WRONLY, 0)
	fmt.Println(err)
}
