# httpserver by name, from a directory outside the repository, on the
# releases we cannot build here: esbuild's stripped binaries from npm
# built by Go 1.16 (stack ABI), 1.17, 1.18 and 1.20, serving a directory
# (esbuild --serve --servedir, a net/http server, while its stdin is
# open). Requests through bash's /dev/tcp: GET
# /ready until its line shows (the probes are attached), then a file, a
# file with a query, a missing file and a POST (esbuild's 404s). Each line
# must name the method, status, protocol and path esbuild answered, with
# a latency under 100 ms and the client's address.
needs: esbuild-0.11.23 esbuild-0.13.15 esbuild-0.14.40 esbuild-0.17.19
timeout: 120
--- script
d=$(mktemp -d /tmp/gotrace-esbuild-http.XXXXXX) && cd "$d" || exit 1
echo hello >index.html
echo 'export const x = 1;' >app.js
# ask METHOD PATH: one request on a new connection; its status line
ask() {
	exec 3<>/dev/tcp/127.0.0.1/$port || return 1
	printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' "$1" "$2" >&3
	head -1 <&3 | tr -d '\r'
	exec 3<&-
}
for v in 0.11.23 0.13.15 0.14.40 0.17.19; do
	bin=$GOBINS/esbuild-$v
	$GOTRACE -v -l "uprobe:$bin:runtime.main" | sed -n "s|^# $bin: \(go1\.[0-9]*\)[^,]*, \(go-[a-z]*\) ABI.*|esbuild-$v: \1 \2|p"
	rm -f in && mkfifo in
	$bin --serve=127.0.0.1:0 --servedir=. --log-level=info <in >es.out 2>&1 &
	epid=$!
	exec 4>in # its stdin, open until it is done
	for i in $(seq 100); do grep -q 'http://127.0.0.1:' es.out && break; sleep 0.1; done
	port=$(grep -o 'http://127.0.0.1:[0-9]*' es.out | head -1 | sed 's/.*://')
	[ -n "$port" ] || { echo "esbuild-$v did not start"; cat es.out; kill $epid; continue; }
	$GOTRACE -q httpserver $bin -p $epid >out 2>err &
	gpid=$!
	for i in $(seq 150); do ask GET /ready >/dev/null; grep -q ' /ready$' out && break; sleep 0.1; done
	ask GET /index.html
	ask GET '/app.js?v=2'
	ask GET /missing.css
	ask POST /index.html
	kill -INT $gpid
	wait $gpid
	echo "gotrace status $?"
	exec 4>&-
	kill $epid 2>/dev/null
	wait $epid 2>/dev/null
	awk '/^[A-Z]+ +[0-9]+ +[0-9.]+ ms  / && $7 != "/ready" {
		t = $3 < 100 ? "ok" : "latency " $3
		if ($6 !~ /^127\.0\.0\.1:[0-9]+$/) t = t " remote " $6
		print $1, $2, $5, $7, t }' out
	cat err
done
cd / && rm -rf "$d"
--- stdout
esbuild-0.11.23: go1.16 go-stack
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 404 Not Found
HTTP/1.1 404 Not Found
gotrace status 0
GET 200 HTTP/1.1 /index.html ok
GET 200 HTTP/1.1 /app.js?v=2 ok
GET 404 HTTP/1.1 /missing.css ok
POST 404 HTTP/1.1 /index.html ok
esbuild-0.13.15: go1.17 go-register
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 404 Not Found
HTTP/1.1 404 Not Found
gotrace status 0
GET 200 HTTP/1.1 /index.html ok
GET 200 HTTP/1.1 /app.js?v=2 ok
GET 404 HTTP/1.1 /missing.css ok
POST 404 HTTP/1.1 /index.html ok
esbuild-0.14.40: go1.18 go-register
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 404 Not Found
HTTP/1.1 404 Not Found
gotrace status 0
GET 200 HTTP/1.1 /index.html ok
GET 200 HTTP/1.1 /app.js?v=2 ok
GET 404 HTTP/1.1 /missing.css ok
POST 404 HTTP/1.1 /index.html ok
esbuild-0.17.19: go1.20 go-register
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 404 Not Found
HTTP/1.1 404 Not Found
gotrace status 0
GET 200 HTTP/1.1 /index.html ok
GET 200 HTTP/1.1 /app.js?v=2 ok
GET 404 HTTP/1.1 /missing.css ok
POST 404 HTTP/1.1 /index.html ok
