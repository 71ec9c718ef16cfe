# -l -v where DWARF is there: the Go release, the ABI and each function's
# parameters and results with their types and where goarg/goret find them:
# tests/gobins/src/small built by Go 1.19, 1.21 and 1.27 (register ABI:
# multi(x int) (int, string, bool) takes x in RAX and returns in RAX, RBX+RCX,
# RDI), and gccgo (SysV: greet(s string, n int) string: s in RDI+RSI, n in
# RDX). A stripped binary lists the function without parameters.
needs: small-go1.19 small-go1.21 small-go1.27 gccgo-basic basic-stripped
--- script
for b in small-go1.19 small-go1.21 small-go1.27; do
	$GOTRACE -v -l "uprobe:$GOBINS/$b:main.multi" | sed "s|$GOBINS/||g; s/\(go1\.[0-9]*\)\.[0-9]*,/\1,/"
done
$GOTRACE -v -l "uprobe:$GOBINS/gccgo-basic:main.greet" | sed "s|$GOBINS/||g"
$GOTRACE -v -l "uprobe:$GOBINS/basic-stripped:main.greet" | sed "s|$GOBINS/||g; s/\(go1\.[0-9]*\)\.[0-9]*,/\1,/"
--- stdout
# small-go1.19: go1.19, go-register ABI, functions from symtab
uprobe:small-go1.19:main.multi
    x int  (goarg(0))
    result ~r0 int  (goret(0))
    result ~r1 string  (goret(1..2))
    result ~r2 bool  (goret(3))
# small-go1.21: go1.21, go-register ABI, functions from symtab
uprobe:small-go1.21:main.multi
    x int  (goarg(0))
    result ~r0 int  (goret(0))
    result ~r1 string  (goret(1..2))
    result ~r2 bool  (goret(3))
# small-go1.27: go1.27, go-register ABI, functions from symtab
uprobe:small-go1.27:main.multi
    x int  (goarg(0))
    result ~r0 int  (goret(0))
    result ~r1 string  (goret(1..2))
    result ~r2 bool  (goret(3))
# gccgo-basic: gccgo, sysv ABI, functions from symtab
uprobe:gccgo-basic:main.greet
    s string  (goarg(0..1))
    n int  (goarg(2))
    result ~r0 string  (goret(0..1))
# basic-stripped: go1.19, go-register ABI, functions from pclntab
uprobe:basic-stripped:main.greet
    (basic-stripped: no DWARF debug information (stripped, or built with -ldflags=-w?))
