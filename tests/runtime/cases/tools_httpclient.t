# httpclient, run by name from a directory outside the repository, on our
# client (tests/runtime/progs/web.go asks its own server, one request at
# a time) built by Go 1.19 (local) and 1.21 to 1.27, each with DWARF and
# stripped: a line per round trip (net/http.send) with its method,
# status, protocol and URL, the function of ours that asked (main.fetch,
# the first caller outside net/http: ucaller("net/http")), in order. The
# redirect is two lines (301, then the 200 of /hello); HTTP/2 over TLS;
# the hijacked connection's answer; 5 requests at once from 5 goroutines
# (each line whole: one printf a line); no server at 127.0.0.1:1 (the error
# read through *net.OpError's Err, a *os.SyscallError, and its errno);
# a Client.Timeout (context's deadline error, after 50 ms). Latencies are
# checked against the handler's sleeps (60, 20, 40 and the 50 ms timeout;
# under 100 ms for the others: the first TLS request shakes hands), the
# server's port is P. Every build gives the same lines as the first.
# Without BINARY, the usage line (exit 2).
needs: toolchains/root/usr/lib/go-1.21/bin/go toolchains/root/usr/lib/go-1.27/bin/go
timeout: 400
--- script
d=$(mktemp -d /tmp/gotrace-httpclient.XXXXXX) && cd "$d" || exit 1
# METHOD STATUS PROTO URL CALLER, "ok" when the latency is within the
# path's bounds (else the latency), and the error; then the maps but the
# histogram, sorted
norm() {
	awk '/^[A-Z]+ +([0-9]+|-) +[0-9]+\.[0-9]+ ms  / {
		lat = $3; url = $6; lo = 0; hi = 100
		if (url ~ /\/slow\?ms=60$/) { lo = 60; hi = 250 }
		if (url ~ /\/teapot$/) { lo = 20; hi = 200 }
		if (url ~ /\/slow\?ms=300$/) { lo = 50; hi = 250 }
		if (url ~ /\/slow\?ms=40$/) { lo = 40; hi = 250 }
		t = (lat >= lo && lat <= hi) ? "ok" : "latency " lat
		rest = ""; for (i = 8; i <= NF; i++) rest = rest " " $i
		print $1, $2, $5, url, $7, t rest }' "$1" | sed -E 's/127\.0\.0\.1:[0-9]{2,}/127.0.0.1:P/'
	grep -E '^@(requests|errors)' "$1" | sort
}
$GOTRACE httpclient; echo "exit $?"
first=
for rel in local 1.21 1.22 1.23 1.24 1.25 1.26 1.27; do
	for k in debug stripped; do
		b=$($ROOT/tests/runtime/gobuild web $rel $k 2>/dev/null) || { echo "$rel $k: not built"; continue; }
		# the program's own lines go to stderr, with gotrace's messages
		$GOTRACE -q httpclient $b -c $b >raw 2>err
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
GET 200 HTTP/1.1 http://127.0.0.1:P/hello (main.fetch) ok
GET 200 HTTP/1.1 http://127.0.0.1:P/slow?ms=60 (main.fetch) ok
GET 404 HTTP/1.1 http://127.0.0.1:P/missing (main.fetch) ok
POST 201 HTTP/1.1 http://127.0.0.1:P/items (main.fetch) ok
GET 200 HTTP/1.1 http://127.0.0.1:P/empty (main.fetch) ok
GET 301 HTTP/1.1 http://127.0.0.1:P/old (main.fetch) ok
GET 200 HTTP/1.1 http://127.0.0.1:P/hello (main.fetch) ok
PUT 418 HTTP/1.1 http://127.0.0.1:P/teapot (main.fetch) ok
GET 200 HTTP/2.0 https://127.0.0.1:P/hello (main.fetch) ok
GET 404 HTTP/2.0 https://127.0.0.1:P/missing (main.fetch) ok
GET 200 HTTP/2.0 https://127.0.0.1:P/empty (main.fetch) ok
GET 200 HTTP/1.1 http://127.0.0.1:P/hijack (main.fetch) ok
GET 200 HTTP/1.1 http://127.0.0.1:P/slow?ms=40 (main.fetch) ok
GET 200 HTTP/1.1 http://127.0.0.1:P/slow?ms=40 (main.fetch) ok
GET 200 HTTP/1.1 http://127.0.0.1:P/slow?ms=40 (main.fetch) ok
GET 200 HTTP/1.1 http://127.0.0.1:P/slow?ms=40 (main.fetch) ok
GET 200 HTTP/1.1 http://127.0.0.1:P/slow?ms=40 (main.fetch) ok
GET - - http://127.0.0.1:1/ (main.fetch) ok error: dial tcp: connect: Connection refused
GET - - http://127.0.0.1:P/slow?ms=300 (main.fetch) ok error: context deadline exceeded
@errors[*net.OpError]: 1
@errors[context.deadlineExceededError]: 1
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
usage: gotrace httpclient BINARY [-p PID | -c CMD]
