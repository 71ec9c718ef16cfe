// server: an unstripped net/http program, so that bpftrace (which needs
// a symbol table) and gotrace can both attach to many functions.
package main

import (
	"net/http"
	"os"
)

func main() {
	if len(os.Args) > 1 {
		http.ListenAndServe(os.Args[1], http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("ok"))
		}))
	}
}
