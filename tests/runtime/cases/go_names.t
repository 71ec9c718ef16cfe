# Go symbol names as people write them, on a net/http server of ours:
# quoted "net/http.(*conn).serve" (one function, not a pattern, although
# it holds a '*'), the same unquoted, a method on a pointer receiver
# main.(*counter).ServeHTTP unquoted, and a package path with '/'
# (net/http.serverHandler.ServeHTTP). Three requests on new connections:
# three of each. The handler prints each URL path two ways: by pointer
# reads (goarg(3) is r; Request.URL at 16, url.URL.Path at 56 in Go 1.19)
# and by args.r.URL.Path from DWARF; they agree.
prog: go_httpd
--- script
$GOTRACE -l 'uprobe:'$PROG':"net/http.(*conn).serve"' | sed "s|$PROG|app|"
$GOTRACE -l 'uprobe:'$PROG':main.(*counter).*' | sed "s|$PROG|app|"
$GOTRACE -q -e 'uprobe:'$PROG':"net/http.(*conn).serve" { @quoted[func] = count(); }
uprobe:'$PROG':net/http.(*conn).serve { @unquoted[func] = count(); }
uprobe:'$PROG':net/http.serverHandler.ServeHTTP { @sh = count(); }
uprobe:'$PROG':main.(*counter).ServeHTTP {
	printf("%s %s\n", gostr(*(uint64 *)(goarg(3) + 16) + 56), args.r.URL.Path);
	@method[func] = count();
}' -c $PROG
echo "status $?"
--- stdout
uprobe:app:net/http.(*conn).serve
uprobe:app:main.(*counter).ServeHTTP
/a /a
/b/c /b/c
/d /d


@method[main.(*counter).ServeHTTP]: 3
@quoted[net/http.(*conn).serve]: 3
@sh: 3
@unquoted[net/http.(*conn).serve]: 3
status 0
--- stderr
hello /a
hello /b/c
hello /d
served 3
