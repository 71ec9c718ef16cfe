# goid on Go 1.22: tests/runtime/progs/goid.go built by Debian's golang-1.22
# (unpacked by tests/gobins/fetch), with DWARF (offset of runtime.g.goid
# from DWARF) and stripped (-ldflags='-s -w': functions from .gopclntab,
# offset from the table by release). Each goroutine passes the id
# runtime.Stack gives it to main.work(id); goid in the probe must equal it.
# Builds are cached in build/go_goid/.
# Also: -l on the stripped build lists the same functions (from .gopclntab)
# as on the other (from .symtab), ABI0 wrappers and type..eq names aside.
needs: toolchains/root/usr/lib/go-1.22/bin/go
--- script
$ROOT/tests/runtime/progs/go_goid/check.sh 1.22
--- stdout
go1.22 go-register symtab debug: 6 of 6 equal, exit 0
go1.22 go-register pclntab stripped: 6 of 6 equal, exit 0
-l: the same functions from pclntab as from symtab
