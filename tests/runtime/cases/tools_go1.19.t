# The ready tools on our programs built by Go 1.19 (the go on PATH), with
# DWARF and stripped: tests/runtime/tools-check, which must find what
# tests/runtime/tools-expected says for the release.
timeout: 180
run: $ROOT/tests/runtime/tools-check local
--- stdout
debug and stripped builds: as tests/runtime/tools-expected says for Go 1.19
