# The stack ABI (Go < 1.17): esbuild 0.11.23 from npm is a stripped Go 1.16
# binary. os.OpenFile(name string, flag int, perm FileMode) has name in the
# stack words at sp+8 and sp+16, so gostr(goarg(0), goarg(1)) is the path;
# flag and perm follow. Bundling in.js (which imports lib.js) opens the
# directories it resolves in, the two sources, and writes out.js
# (O_WRONLY|O_CREAT|O_TRUNC = 577, perm 0644); it also opens every parent
# directory up to / (looking for package.json). Paths in the case's
# directory are shown relative to it.
needs: esbuild-0.11.23
--- file in.js
import { x } from "./lib.js";
console.log(x);
--- file lib.js
export const x = 42;
--- script
E=$GOBINS/esbuild-0.11.23
$GOTRACE -v -l "uprobe:$E:os.OpenFile" | sed "s|$GOBINS/||g"
$GOTRACE -q -e 'uprobe:'$E':os.OpenFile { printf("open %s flag %d perm %o\n", gostr(goarg(0), goarg(1)), goarg(2), goarg(3)); }' -c "$E in.js --bundle --outfile=out.js --log-level=warning" > out
echo "status $?"
grep "^open $PWD" out | sed "s|$PWD|.|" | sort
grep -x 'open / flag 0 perm 0' out
grep -c 'var x = 42' out.js
--- stdout
# esbuild-0.11.23: go1.16.3, go-stack ABI, functions from pclntab
uprobe:esbuild-0.11.23:os.OpenFile
    (esbuild-0.11.23: no DWARF debug information (stripped, or built with -ldflags=-w?))
status 0
open . flag 0 perm 0
open ./in.js flag 0 perm 0
open ./lib.js flag 0 perm 0
open ./out.js flag 577 perm 644
open / flag 0 perm 0
1
