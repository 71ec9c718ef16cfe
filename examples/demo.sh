#!/usr/bin/env bash
# make demo: trace the example program examples/bin/sum (make examples
# builds it) with a one-liner.
set -eu
cd "$(dirname "$0")/.."
echo "+ ./gotrace -e 'uprobe:examples/bin/sum:main.sum { printf(\"sum(%d, %d) in goroutine %d\\n\", goarg(0), goarg(1), goid); }' -c examples/bin/sum"
./gotrace -e 'uprobe:examples/bin/sum:main.sum { printf("sum(%d, %d) in goroutine %d\n", goarg(0), goarg(1), goid); }' -c examples/bin/sum
