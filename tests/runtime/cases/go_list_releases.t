# -l on stripped release binaries of every Go release from 1.16 to 1.26
# (npm's esbuild and lefthook: no .symtab, no DWARF): functions come from
# .gopclntab in each of its formats (magic 0xfffffffa for 1.16-1.17,
# 0xfffffff0 for 1.18-1.19, 0xfffffff1 from 1.20; textStart 0 from 1.26),
# thousands of them with main.main and os.OpenFile among them; -v shows the
# Go release (from .go.buildinfo, or runtime.buildVersion where esbuild
# dropped buildinfo) and the ABI. The go_goid_bin_* cases probe these
# binaries and see the probes fire.
needs: esbuild-0.11.23 esbuild-0.13.15 esbuild-0.14.40 esbuild-0.14.54 esbuild-0.17.19 lefthook-1.5.5 esbuild-0.23.1 esbuild-0.24.2 lefthook-1.11.10 esbuild-0.27.7 esbuild-0.28.2
--- script
for b in esbuild-0.11.23 esbuild-0.13.15 esbuild-0.14.40 esbuild-0.14.54 esbuild-0.17.19 lefthook-1.5.5 esbuild-0.23.1 esbuild-0.24.2 lefthook-1.11.10 esbuild-0.27.7 esbuild-0.28.2; do
	bin=$GOBINS/$b
	head=$($GOTRACE -v -l "uprobe:$bin:main.main" | head -1 | sed "s|$GOBINS/||")
	n=$($GOTRACE -l "uprobe:$bin:*" | wc -l)
	have=$($GOTRACE -l "uprobe:$bin:os.*" | sed 's/^[^:]*:[^:]*://' | grep -cx 'os.OpenFile\|os.(\*File).Write\|os.Getwd')
	echo "$head; $([ "$n" -gt 5000 ] && echo 'over 5000' || echo "only $n") functions; $have of 3 os functions"
done
--- stdout
# esbuild-0.11.23: go1.16.3, go-stack ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# esbuild-0.13.15: go1.17.2, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# esbuild-0.14.40: go1.18.2, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# esbuild-0.14.54: go1.19, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# esbuild-0.17.19: go1.20.4, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# lefthook-1.5.5: go1.21.4, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# esbuild-0.23.1: go1.22.5, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# esbuild-0.24.2: go1.23.1, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# lefthook-1.11.10: go1.24.2, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# esbuild-0.27.7: go1.25.7, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
# esbuild-0.28.2: go1.26.5, go-register ABI, functions from pclntab; over 5000 functions; 3 of 3 os functions
