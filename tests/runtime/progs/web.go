// web: an HTTP server of ours on a loopback port and, in the same
// program, a net/http client that asks it known things one at a time, so
// that both sides' lines come in a known order:
//
//	GET  /hello          200  "hello"
//	GET  /slow?ms=60     200  after 60 ms
//	GET  /missing        404  (http.NotFound)
//	POST /items          201  (a body of 10 bytes)
//	GET  /empty          200  (the handler writes nothing: net/http's 200)
//	GET  /old            301  to /hello, which the client follows (a
//	                          second request, GET /hello, 200)
//	PUT  /teapot         418  after 20 ms
//	GET  /hello          200  over HTTP/2, from a TLS server (httptest's);
//	GET  /missing        404  then these two the same way
//	GET  /empty          200
//	GET  /hijack         the handler takes the connection and answers
//	                     200 itself (net/http never sees a status)
//	GET  /slow?ms=40     5 at once, from 5 goroutines (on new connections)
//	GET  127.0.0.1:1/    no server there: connection refused
//	GET  /slow?ms=300    the client gives up after 50 ms (Client.Timeout);
//	                     the server's handler ends at 300 ms, and the
//	                     program waits for it before it exits
//
// What the client got goes to stderr, a line each. "web serve" only serves, printing "listening on ADDR", until killed.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

var slowDone = make(chan bool, 10)

//go:noinline
func handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello")
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
		time.Sleep(time.Duration(ms) * time.Millisecond)
		io.WriteString(w, "slow")
		if ms >= 300 {
			slowDone <- true
		}
	})
	mux.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.WriteHeader(http.StatusCreated)
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/hello", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/teapot", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		w.WriteHeader(http.StatusTeapot)
	})
	mux.HandleFunc("/hijack", func(w http.ResponseWriter, r *http.Request) {
		c, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
		buf.Flush()
		c.Close()
	})
	return mux
}

//go:noinline
func fetch(c *http.Client, method, url, body string) {
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	resp, err := c.Do(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, method, url, "error")
		return
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	fmt.Fprintln(os.Stderr, method, url, resp.StatusCode, resp.Proto)
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		fmt.Println("listening on", ln.Addr())
		http.Serve(ln, handler())
		return
	}
	go http.Serve(ln, handler())
	base := "http://" + ln.Addr().String()
	c := &http.Client{}
	fetch(c, "GET", base+"/hello", "")
	fetch(c, "GET", base+"/slow?ms=60", "")
	fetch(c, "GET", base+"/missing", "")
	fetch(c, "POST", base+"/items", "name=apple")
	fetch(c, "GET", base+"/empty", "")
	fetch(c, "GET", base+"/old", "")
	fetch(c, "PUT", base+"/teapot", "")
	ts := httptest.NewUnstartedServer(handler())
	ts.EnableHTTP2 = true
	ts.StartTLS()
	fetch(ts.Client(), "GET", ts.URL+"/hello", "")
	fetch(ts.Client(), "GET", ts.URL+"/missing", "")
	fetch(ts.Client(), "GET", ts.URL+"/empty", "")
	fetch(c, "GET", base+"/hijack", "")
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fetch(c, "GET", base+"/slow?ms=40", "")
		}()
	}
	wg.Wait()
	fetch(c, "GET", "http://127.0.0.1:1/", "")
	impatient := &http.Client{Timeout: 50 * time.Millisecond}
	fetch(impatient, "GET", base+"/slow?ms=300", "")
	<-slowDone
	time.Sleep(50 * time.Millisecond)
}
