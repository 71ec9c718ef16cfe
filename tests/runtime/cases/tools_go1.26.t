# The ready tools on our programs built by Go 1.26 (Debian's golang-1.26,
# unpacked by tests/gobins/fetch), with DWARF and stripped:
# tests/runtime/tools-check, which must find what
# tests/runtime/tools-expected says for the release.
needs: toolchains/root/usr/lib/go-1.26/bin/go
timeout: 180
run: $ROOT/tests/runtime/tools-check 1.26
--- stdout
debug and stripped builds: as tests/runtime/tools-expected says for Go 1.26
