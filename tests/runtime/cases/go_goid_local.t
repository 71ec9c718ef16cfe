# goid with the go on PATH (Go 1.19 here): goid.go built with DWARF and
# stripped; goid in a probe on main.work(id) equals the id from
# runtime.Stack. The release in the expected output is the one gotrace
# reads from each binary.
# Also: -l on the stripped build lists the same functions (from .gopclntab)
# as on the other (from .symtab), ABI0 wrappers and type..eq names aside.
--- script
$ROOT/tests/runtime/progs/go_goid/check.sh local | sed 's/^go1\.[0-9]* /goN /'
--- stdout
goN go-register symtab debug: 6 of 6 equal, exit 0
goN go-register pclntab stripped: 6 of 6 equal, exit 0
-l: the same functions from pclntab as from symtab
