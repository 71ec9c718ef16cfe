#!/usr/bin/env bash
# make demo: build the example program and trace it with a one-liner.
set -eu
cd "$(dirname "$0")/.."
go build -gcflags=-l -o examples/sum/sum ./examples/sum/main.go
echo "+ ./gotrace -e 'uprobe:examples/sum/sum:main.sum { printf(\"sum(%d, %d) in goroutine %d\\n\", goarg(0), goarg(1), goid); }' -c examples/sum/sum"
./gotrace -e 'uprobe:examples/sum/sum:main.sum { printf("sum(%d, %d) in goroutine %d\n", goarg(0), goarg(1), goid); }' -c examples/sum/sum
