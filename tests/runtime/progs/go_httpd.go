// go_httpd: an HTTP server on a loopback port and a client in the same
// program. The client asks for /a, /b/c and /d?x=1 on new connections
// (keep-alives off), so net/http.(*conn).serve runs three times; the
// handler is a method on a pointer receiver, main.(*counter).ServeHTTP.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
)

type counter struct {
	n int
}

//go:noinline
func (c *counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.n++
	fmt.Fprintf(w, "hello %s", r.URL.Path)
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	c := &counter{}
	go http.Serve(ln, c)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for _, p := range []string{"/a", "/b/c", "/d?x=1"} {
		resp, err := client.Get("http://" + ln.Addr().String() + p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Fprintln(os.Stderr, string(body))
	}
	fmt.Fprintln(os.Stderr, "served", c.n)
}
