# The HTTP and SQL tools on gccgo builds of our programs: Go's standard
# library is libgo's there, outside the binary, so each says why the
# function it probes is missing, with the attach point in the tool.
needs: gccgo
prog: web gccgo
prog: sqlapp gccgo
--- script
d=$(mktemp -d /tmp/gotrace-http-gccgo.XXXXXX) && cd "$d" || exit 1
cp $PROG_web ./web && cp $PROG_sqlapp ./sqlapp
for t in httpserver httpclient; do $GOTRACE $t ./web 2>&1 | grep -m2 -E 'error|hint' | sed "s|$ROOT/||; s|$PWD/||; s/\.gt:[0-9]*:[0-9]*:/.gt:LINE:COL:/"; echo "exit ${PIPESTATUS[0]}"; done
$GOTRACE sqlslower ./sqlapp 10 2>&1 | grep -m2 -E 'error|hint' | sed "s|$ROOT/||; s|$PWD/||; s/\.gt:[0-9]*:[0-9]*:/.gt:LINE:COL:/"; echo "exit ${PIPESTATUS[0]}"
cd / && rm -rf "$d"
--- stdout
stdlib/httpserver.gt:LINE:COL: error: function 'net/http.serverHandler.ServeHTTP' not found in ./web
hint: web is built by gccgo: Go's standard library is libgo's, outside the binary, with gccgo's names and layouts (this works on binaries built by go build)
exit 1
stdlib/httpclient.gt:LINE:COL: error: function 'net/http.send' not found in ./web
hint: web is built by gccgo: Go's standard library is libgo's, outside the binary, with gccgo's names and layouts (this works on binaries built by go build)
exit 1
stdlib/sqlslower.gt:LINE:COL: error: no function in ./sqlapp matches 'database/sql.(*).*Context'
hint: sqlapp is built by gccgo: Go's standard library is libgo's, outside the binary, with gccgo's names and layouts (this works on binaries built by go build)
exit 1
