# httpserver by name, from a directory outside the repository, on
# Debian's caddy (stripped, Go 1.19) with -p: `caddy respond` answers 418
# to every request and writes its access log (JSON on stderr). Requests
# go through bash's /dev/tcp: GET /ready until its line shows (the
# probes are attached), then five of different methods and paths. Each
# line of gotrace must agree with caddy's own log entry for the same
# client port: method, path with query, status; and gotrace's latency
# (the whole handler) must be at least caddy's duration (measured inside
# it) and less than 50 ms more.
needs: caddy jq
timeout: 60
--- script
d=$(mktemp -d /tmp/gotrace-caddy.XXXXXX) && cd "$d" || exit 1
export HOME=$PWD XDG_DATA_HOME=$PWD XDG_CONFIG_HOME=$PWD
caddy=$(command -v caddy)
caddy respond --listen 127.0.0.1:0 --access-log --status 418 hello >caddy.out 2>caddy.err &
cpid=$!
trap 'kill $cpid 2>/dev/null' EXIT
for i in $(seq 100); do grep -q 'Server address' caddy.out && break; sleep 0.1; done
addr=$(sed -n 's/^Server address: //p' caddy.out)
[ -n "$addr" ] || { echo "caddy did not start"; cat caddy.err; exit 1; }
$GOTRACE -q httpserver $caddy -p $cpid >out 2>err &
gpid=$!
# ask METHOD PATH [BODY]: one request on a new connection; its status line
ask() {
	exec 3<>/dev/tcp/${addr%:*}/${addr##*:} || return 1
	printf '%s %s HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
		"$1" "$2" "$addr" "${#3}" "$3" >&3
	head -1 <&3 | tr -d '\r'
	exec 3<&-
}
for i in $(seq 150); do ask GET /ready >/dev/null; grep -q ' /ready$' out && break; sleep 0.1; done
ask GET /a
ask GET '/b/c?x=1&y=2'
ask POST /form 'name=apple'
ask DELETE /items/7
ask HEAD /index.html
# 20 at once: each line whole, each agreeing with caddy's entry
for i in $(seq 20); do ask GET /many/$i >/dev/null & done
wait $(jobs -p | grep -vx -e $cpid -e $gpid)
sleep 0.2
kill -INT $gpid
wait $gpid
echo "gotrace status $?"
kill $cpid
wait $cpid 2>/dev/null
# caddy's entries: PORT METHOD URI STATUS DURATION-IN-MS
jq -r 'select(.logger == "http.log.access") | "\(.request.remote_port) \(.request.method) \(.request.uri) \(.status) \(.duration * 1000)"' caddy.err >caddy.log
awk 'NR == FNR { m[$1] = $2; u[$1] = $3; s[$1] = $4; t[$1] = $5; next }
	/^[A-Z]+ +[0-9]+ +[0-9.]+ ms  / && $7 != "/ready" {
		split($6, a, ":"); p = a[2]
		if (!(p in m)) { print $0, ": no caddy entry for port", p; next }
		why = ""
		if (m[p] != $1) why = why " method " m[p]
		if (u[p] != $7) why = why " uri " u[p]
		if (s[p] != $2) why = why " status " s[p]
		if ($3 < t[p] || $3 > t[p] + 50) why = why " latency " $3 " vs " t[p]
		if ($7 ~ /^\/many\//) { many[why == "" ? "caddy agrees" : "caddy differs:" why]++; next }
		print $1, $2, $5, $7, (why == "" ? "caddy agrees" : "caddy differs:" why) }
	END { for (w in many) print "GET 418 HTTP/1.1 /many/N", w, many[w] "x" }' caddy.log out
grep -c '^GET     418 .* /many/[0-9]*$' out
grep -E '^@requests\[(POST|DELETE|HEAD)' out | sort
cat err
cd / && rm -rf "$d"
--- stdout
HTTP/1.1 418 I'm a teapot
HTTP/1.1 418 I'm a teapot
HTTP/1.1 418 I'm a teapot
HTTP/1.1 418 I'm a teapot
HTTP/1.1 418 I'm a teapot
gotrace status 0
GET 418 HTTP/1.1 /a caddy agrees
GET 418 HTTP/1.1 /b/c?x=1&y=2 caddy agrees
POST 418 HTTP/1.1 /form caddy agrees
DELETE 418 HTTP/1.1 /items/7 caddy agrees
HEAD 418 HTTP/1.1 /index.html caddy agrees
GET 418 HTTP/1.1 /many/N caddy agrees 20x
20
@requests[DELETE, 418]: 1
@requests[HEAD, 418]: 1
@requests[POST, 418]: 1
