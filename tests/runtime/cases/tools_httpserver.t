# httpserver, run by name from a directory outside the repository, on our
# server (tests/runtime/progs/web.go: a server and a client in one
# program, one request at a time) built by Go 1.19 (local) and 1.21 to
# 1.27, each with DWARF and stripped: a line per request with its method,
# status, protocol and path (query included), in the order served. The
# status is read from net/http's *response (404 from http.NotFound, 201
# and 418 from WriteHeader, 301 from http.Redirect, net/http's 200 for a
# handler that writes nothing), and over HTTP/2 (TLS) from the HTTP/2
# response writer, which moved into net/http/internal/http2 in Go 1.27;
# the /hijack handler takes the connection ("-", hijacked); 5 requests
# served at once, each line whole (one printf a line). Latencies are
# checked against the handler's sleeps (60, 20, 40, 300 ms; under 50 ms
# for the others), the client's address has the form 127.0.0.1:PORT.
# Every build gives the same lines as the first. Without BINARY, the
# usage line (exit 2).
needs: toolchains/root/usr/lib/go-1.21/bin/go toolchains/root/usr/lib/go-1.27/bin/go
timeout: 400
--- script
d=$(mktemp -d /tmp/gotrace-httpserver.XXXXXX) && cd "$d" || exit 1
# METHOD STATUS PROTO PATH, "ok" when the latency is within the path's
# bounds (else the latency), the remote address when it is not
# 127.0.0.1:PORT, and a note; then the maps but the histogram, sorted
norm() {
	awk '/^[A-Z]+ +([0-9]+|-) +[0-9]+\.[0-9]+ ms  / {
		lat = $3; path = $7; lo = 0; hi = 50
		if (path == "/slow?ms=60") { lo = 60; hi = 250 }
		if (path == "/teapot") { lo = 20; hi = 200 }
		if (path == "/slow?ms=300") { lo = 300; hi = 700 }
		if (path == "/slow?ms=40") { lo = 40; hi = 250 }
		t = (lat >= lo && lat <= hi) ? "ok" : "latency " lat
		if ($6 !~ /^127\.0\.0\.1:[0-9]+$/) t = t " remote " $6
		rest = ""; for (i = 8; i <= NF; i++) rest = rest " " $i
		print $1, $2, $5, path, t rest }' "$1"
	grep -E '^@(requests|hijacked)' "$1" | sort
}
$GOTRACE httpserver; echo "exit $?"
first=
for rel in local 1.21 1.22 1.23 1.24 1.25 1.26 1.27; do
	for k in debug stripped; do
		b=$($ROOT/tests/runtime/gobuild web $rel $k 2>/dev/null) || { echo "$rel $k: not built"; continue; }
		# the program's own lines go to stderr, with gotrace's messages
		$GOTRACE -q httpserver $b -c $b >raw 2>err
		{ norm raw; grep -E '^(gotrace|stdin|/).*(error|warning)' err; } >out.$rel.$k
		if [ -z "$first" ]; then
			first=out.$rel.$k
			cat $first
		elif cmp -s $first out.$rel.$k; then
			echo "$rel $k: the same"
		else
			echo "$rel $k: differs"
			diff $first out.$rel.$k
		fi
	done
done
cd / && rm -rf "$d"
--- stdout
exit 2
GET 200 HTTP/1.1 /hello ok
GET 200 HTTP/1.1 /slow?ms=60 ok
GET 404 HTTP/1.1 /missing ok
POST 201 HTTP/1.1 /items ok
GET 200 HTTP/1.1 /empty ok
GET 301 HTTP/1.1 /old ok
GET 200 HTTP/1.1 /hello ok
PUT 418 HTTP/1.1 /teapot ok
GET 200 HTTP/2.0 /hello ok
GET 404 HTTP/2.0 /missing ok
GET 200 HTTP/2.0 /empty ok
GET - HTTP/1.1 /hijack ok (hijacked: the handler answered itself)
GET 200 HTTP/1.1 /slow?ms=40 ok
GET 200 HTTP/1.1 /slow?ms=40 ok
GET 200 HTTP/1.1 /slow?ms=40 ok
GET 200 HTTP/1.1 /slow?ms=40 ok
GET 200 HTTP/1.1 /slow?ms=40 ok
GET 200 HTTP/1.1 /slow?ms=300 ok
@hijacked: 1
@requests[GET, 200]: 12
@requests[GET, 301]: 1
@requests[GET, 404]: 2
@requests[POST, 201]: 1
@requests[PUT, 418]: 1
local stripped: the same
1.21 debug: the same
1.21 stripped: the same
1.22 debug: the same
1.22 stripped: the same
1.23 debug: the same
1.23 stripped: the same
1.24 debug: the same
1.24 stripped: the same
1.25 debug: the same
1.25 stripped: the same
1.26 debug: the same
1.26 stripped: the same
1.27 debug: the same
1.27 stripped: the same
--- stderr
usage: gotrace httpserver BINARY [-p PID | -c CMD]
