# Debian's caddy (Go 1.19, stripped, cgo: functions from .gopclntab, text
# not at the start of .text). `caddy respond` serves on a loopback port;
# gotrace -p counts net/http.serverHandler.ServeHTTP calls and prints each
# request's method and URL path by Go field names, with no offset in the
# script: ServeHTTP(sh serverHandler, rw ResponseWriter, req *Request) has
# req in word 3, and gocast() reads net/http.Request and net/url.URL from
# the runtime type descriptors the stripped binary keeps. A field that
# does not exist is a located error with a did-you-mean, and a type the
# binary has no descriptor for says so.
# Requests go through bash's /dev/tcp once an interval has fired (so the
# uprobe is attached); the probe exits after the fifth (or after 15 s,
# saying so).
needs: caddy
timeout: 30
--- script
export HOME=$PWD XDG_DATA_HOME=$PWD XDG_CONFIG_HOME=$PWD
caddy=$(command -v caddy)
$GOTRACE -v -l "uprobe:$caddy:net/http.serverHandler.ServeHTTP" | sed "s|$caddy|caddy|g"
$GOTRACE --dry-run -e 'uprobe:caddy:net/http.serverHandler.ServeHTTP { printf("%s\n", gocast(goarg(3), "*net/http.Request").URL.Pth); }' 2>&1 | sed "s|$caddy|caddy|g"
$GOTRACE --dry-run -e 'uprobe:caddy:net/http.serverHandler.ServeHTTP { @[gocast(goarg(3), "*net/http.Requets").Method] = count(); }' 2>&1 | sed "s|$caddy|caddy|g"
caddy respond --listen 127.0.0.1:0 hello >caddy.out 2>caddy.err &
cpid=$!
trap 'kill $cpid 2>/dev/null' EXIT
for i in $(seq 100); do grep -q 'Server address' caddy.out && break; sleep 0.1; done
addr=$(sed -n 's/^Server address: //p' caddy.out)
[ -n "$addr" ] || { echo "caddy did not start"; cat caddy.err; kill $cpid; exit 1; }
$GOTRACE -q -p $cpid -e 'interval:ms:200 /@ready == 0/ { printf("ready\n"); @ready = 1; }
uprobe:'$caddy':net/http.serverHandler.ServeHTTP {
	@requests = count();
	printf("%s path %s\n", gocast(goarg(3), "*net/http.Request").Method,
	       gocast(goarg(3), "*net/http.Request").URL.Path);
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
stdin:1:106: error: net/url.URL has no field 'Pth'
uprobe:caddy:net/http.serverHandler.ServeHTTP { printf("%s\n", gocast(goarg(3), "*net/http.Request").URL.Pth); }
                                                                                                         ^~~
hint: did you mean 'Path'?
stdin:1:68: error: gocast(): caddy has no type descriptor for net/http.Requets: the program never uses the type through an interface or reflection, so the linker left it out
uprobe:caddy:net/http.serverHandler.ServeHTTP { @[gocast(goarg(3), "*net/http.Requets").Method] = count(); }
                                                                   ^~~~~~~~~~~~~~~~~~~
hint: did you mean '*net/http.Request'?
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 200 OK
HTTP/1.1 200 OK
gotrace status 0
ready
GET path /a
GET path /b/c
GET path /index.html
GET path /x/y/z
GET path /last


@n: 5
@ready: 1
@requests: 5
