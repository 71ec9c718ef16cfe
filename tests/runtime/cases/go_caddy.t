# Debian's caddy (Go 1.19, stripped, cgo: functions from .gopclntab, text
# not at the start of .text). `caddy respond` serves on a loopback port;
# gotrace -p counts net/http.serverHandler.ServeHTTP calls and prints each
# request's URL path: ServeHTTP(sh serverHandler, rw ResponseWriter,
# req *Request) has sh in word 0, rw in words 1-2, req in word 3; in Go 1.19
# Request.URL is at offset 16 and url.URL.Path at 56 (gotrace -l -v and
# args.req.URL.Path on our own net/http server, go_httpd.t, agree).
# Requests go through bash's /dev/tcp; the probe exits after the fifth
# (or after 15 s, saying so).
needs: caddy
timeout: 30
--- script
export HOME=$PWD XDG_DATA_HOME=$PWD XDG_CONFIG_HOME=$PWD
caddy=$(command -v caddy)
$GOTRACE -v -l "uprobe:$caddy:net/http.serverHandler.ServeHTTP" | sed "s|$caddy|caddy|g"
caddy respond --listen 127.0.0.1:0 hello >caddy.out 2>caddy.err &
cpid=$!
trap 'kill $cpid 2>/dev/null' EXIT
for i in $(seq 100); do grep -q 'Server address' caddy.out && break; sleep 0.1; done
addr=$(sed -n 's/^Server address: //p' caddy.out)
[ -n "$addr" ] || { echo "caddy did not start"; cat caddy.err; kill $cpid; exit 1; }
$GOTRACE -q -p $cpid -e 'BEGIN { printf("ready\n"); }
uprobe:'$caddy':net/http.serverHandler.ServeHTTP {
	@requests = count();
	printf("path %s\n", gostr(*(uint64 *)(goarg(3) + 16) + 56));
	@n++;
	if (@n == 5) { exit(); }
}
interval:s:15 { printf("timed out\n"); exit(); }' >out 2>err &
gpid=$!
for i in $(seq 100); do grep -q ready out && break; sleep 0.1; done
for p in /a /b/c /index.html /x/y/z /last; do
	exec 3<>/dev/tcp/${addr%:*}/${addr##*:}
	printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' $p $addr >&3
	head -1 <&3 | tr -d '\r'
	exec 3<&-
done
wait $gpid
echo "gotrace status $?"
kill $cpid
wait $cpid
cat out err
--- stdout
# caddy: go1.19.8, go-register ABI, functions from pclntab
uprobe:caddy:net/http.serverHandler.ServeHTTP
    (caddy: no DWARF debug information (stripped, or built with -ldflags=-w?))
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 200 OK
gotrace status 0
ready
path /a
path /b/c
path /index.html
path /x/y/z
path /last


@n: 5
@requests: 5
