// server: a small HTTP server. With an address (e.g. 127.0.0.1:8080) it
// serves; with "-selftest N" it also sends itself N requests and exits.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
)

func hello(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "hello from %s\n", r.URL.Path)
}

func main() {
	http.HandleFunc("/", hello)
	if len(os.Args) > 2 && os.Args[1] == "-selftest" {
		n, _ := strconv.Atoi(os.Args[2])
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			panic(err)
		}
		go http.Serve(ln, nil)
		for i := 0; i < n; i++ {
			resp, err := http.Get(fmt.Sprintf("http://%s/item/%d", ln.Addr(), i))
			if err != nil {
				panic(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		return
	}
	addr := "127.0.0.1:8080"
	if len(os.Args) > 1 {
		addr = os.Args[1]
	}
	http.ListenAndServe(addr, nil)
}
