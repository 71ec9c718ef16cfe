# goid in a stripped third-party binary of Go 1.20: esbuild-0.17.19 from npm (no
# DWARF, no symbols: the goid offset from the table by release, the g
# pointer from R14 (register ABI)). Every goid seen in a probe
# on a function it calls is a small positive number, and the main
# goroutine's (1) is among them.
needs: esbuild-0.17.19
--- script
$ROOT/tests/runtime/progs/go_goid/release.sh esbuild-0.17.19
--- stdout
go1.20 go-register
goid: some calls, goid small and positive in all, main goroutine seen, exit 0
