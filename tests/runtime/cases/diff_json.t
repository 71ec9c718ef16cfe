# Differential: -f json, bpftrace's NDJSON shapes for printf, count, sum,
# avg, min, stats, hist, lhist, string keys, two keys and tuples.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -f json -e 'uprobe:'$PROG':main.val { $x = (int64)reg("ax"); @c = count(); @s = sum($x); @a = avg($x); @mn = min($x); @st = stats($x); if ($x < 2000000000) { @h = hist($x); } @l = lhist($x, 0, 2000, 500); } uprobe:'$PROG':main.name { printf("%s\t\"%d\"\n", str(reg("ax"), reg("bx")), reg("bx")); @n[str(reg("ax"), reg("bx"))] = count(); } uprobe:'$PROG':main.pair { @p[reg("ax"), reg("bx")] = count(); @t = (reg("ax"), "x\"y"); }' -c $PROG
--- stdout
same
{"type": "attached_probes", "data": {"probes": 3}}
{"type": "printf", "data": "alpha\t\"5\"\n"}
{"type": "printf", "data": "beta\t\"4\"\n"}
{"type": "printf", "data": "beta\t\"4\"\n"}
{"type": "printf", "data": "gamma\t\"5\"\n"}
{"type": "printf", "data": "gamma\t\"5\"\n"}
{"type": "printf", "data": "gamma\t\"5\"\n"}
{"type": "printf", "data": "delta\t\"5\"\n"}
{"type": "printf", "data": "delta\t\"5\"\n"}
{"type": "printf", "data": "delta\t\"5\"\n"}
{"type": "printf", "data": "delta\t\"5\"\n"}
{"type": "printf", "data": "epsilon-is-a-long-name\t\"22\"\n"}
{"type": "printf", "data": "epsilon-is-a-long-name\t\"22\"\n"}
{"type": "printf", "data": "epsilon-is-a-long-name\t\"22\"\n"}
{"type": "printf", "data": "epsilon-is-a-long-name\t\"22\"\n"}
{"type": "printf", "data": "epsilon-is-a-long-name\t\"22\"\n"}


{"type": "stats", "data": {"@a": 163120277}}
{"type": "map", "data": {"@c": 25}}
{"type": "hist", "data": {"@h": [{"max": -1, "count": 3}, {"min": 0, "max": 0, "count": 2}, {"min": 1, "max": 1, "count": 1}, {"min": 2, "max": 3, "count": 2}, {"min": 4, "max": 7, "count": 2}, {"min": 8, "max": 15, "count": 3}, {"min": 16, "max": 31, "count": 0}, {"min": 32, "max": 63, "count": 0}, {"min": 64, "max": 127, "count": 2}, {"min": 128, "max": 255, "count": 0}, {"min": 256, "max": 511, "count": 0}, {"min": 512, "max": 1023, "count": 2}, {"min": 1024, "max": 2047, "count": 1}, {"min": 2048, "max": 4095, "count": 1}, {"min": 4096, "max": 8191, "count": 1}, {"min": 8192, "max": 16383, "count": 0}, {"min": 16384, "max": 32767, "count": 0}, {"min": 32768, "max": 65535, "count": 0}, {"min": 65536, "max": 131071, "count": 1}, {"min": 131072, "max": 262143, "count": 0}, {"min": 262144, "max": 524287, "count": 0}, {"min": 524288, "max": 1048575, "count": 0}, {"min": 1048576, "max": 2097151, "count": 1}, {"min": 2097152, "max": 4194303, "count": 1}, {"min": 4194304, "max": 8388607, "count": 0}, {"min": 8388608, "max": 16777215, "count": 0}, {"min": 16777216, "max": 33554431, "count": 0}, {"min": 33554432, "max": 67108863, "count": 0}, {"min": 67108864, "max": 134217727, "count": 0}, {"min": 134217728, "max": 268435455, "count": 0}, {"min": 268435456, "max": 536870911, "count": 0}, {"min": 536870912, "max": 1073741823, "count": 0}, {"min": 1073741824, "max": 2147483647, "count": 1}]}}
{"type": "hist", "data": {"@l": [{"max": -1, "count": 3}, {"min": 0, "max": 499, "count": 12}, {"min": 500, "max": 999, "count": 1}, {"min": 1000, "max": 1499, "count": 2}, {"min": 1500, "max": 1999, "count": 0}, {"min": 2000, "count": 7}]}}
{"type": "map", "data": {"@mn": -5000}}
{"type": "map", "data": {"@n": {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4, "epsilon-is-a-long-name": 5}}}
{"type": "map", "data": {"@p": {"1,1": 1, "2,1": 2, "2,2": 3, "3,1": 4, "3,2": 5, "3,3": 6, "4,1": 7, "4,2": 8, "4,3": 9, "4,4": 10}}}
{"type": "map", "data": {"@s": 4078006946}}
{"type": "stats", "data": {"@st": {"count": 25, "average": 163120277, "total": 4078006946}}}
{"type": "map", "data": {"@t": [4,"x\"y"]}}
