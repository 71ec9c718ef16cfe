# Differential: the same maps as diff_print_keyed in -f json.
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -f json -e 'BEGIN { @h = hist(0); @hn = hist(-5); @hn = hist(-1); @l = lhist(-3, 0, 10, 2); @l = lhist(500, 0, 10, 2); @l = lhist(500, 0, 10, 2); @a[1] = avg(10); @a[2] = avg(-4); @a[3] = avg(7); @s[1] = stats(5); @s[2] = stats(-9); @s[2] = stats(1); @k[-5] = 3; @k[7] = 1; @k[-1] = 2; @hk[1] = hist(3); @hk[2] = hist(300); @hk[2] = hist(300); @hk[3] = hist(1); @hk[3] = hist(1); @hk[3] = hist(1); @lk["x"] = lhist(5, 0, 20, 5); @lk["y"] = lhist(15, 0, 20, 5); @lk["y"] = lhist(16, 0, 20, 5); @str["a\"b\\c\td"] = 1; @t = (1, "x,y", -2); @mk[1, "a"] = (3, "q"); print(@hk, 2); print(@hk, 1, 2); print(@s, 1); print(@a, 1, 2); print(@lk, 1, 2); print(-7); print("new\nline"); exit(); }'
--- stdout
same
{"type": "attached_probes", "data": {"probes": 1}}
{"type": "hist", "data": {"@hk": {"2": [{"min": 256, "max": 511, "count": 2}], "3": [{"min": 1, "max": 1, "count": 3}]}}}
{"type": "hist", "data": {"@hk": {"3": [{"min": 1, "max": 1, "count": 1}]}}}
{"type": "stats", "data": {"@s": {"2": {"count": 2, "average": -4, "total": -8}, "1": {"count": 1, "average": 5, "total": 5}}}}
{"type": "stats", "data": {"@a": {"1": 5}}}
{"type": "hist", "data": {"@lk": {"y": [{"min": 15, "max": 19, "count": 2}]}}}
{"type": "value", "data": -7}
{"type": "value", "data": "new\nline"}


{"type": "stats", "data": {"@a": {"2": -4, "3": 7, "1": 10}}}
{"type": "hist", "data": {"@h": [{"min": 0, "max": 0, "count": 1}]}}
{"type": "hist", "data": {"@hk": {"1": [{"min": 2, "max": 3, "count": 1}], "2": [{"min": 256, "max": 511, "count": 2}], "3": [{"min": 1, "max": 1, "count": 3}]}}}
{"type": "hist", "data": {"@hn": [{"max": -1, "count": 2}]}}
{"type": "map", "data": {"@k": {"7": 1, "-1": 2, "-5": 3}}}
{"type": "hist", "data": {"@l": [{"max": -1, "count": 1}, {"min": 0, "max": 1, "count": 0}, {"min": 2, "max": 3, "count": 0}, {"min": 4, "max": 5, "count": 0}, {"min": 6, "max": 7, "count": 0}, {"min": 8, "max": 9, "count": 0}, {"min": 10, "count": 2}]}}
{"type": "hist", "data": {"@lk": {"x": [{"min": 5, "max": 9, "count": 1}], "y": [{"min": 15, "max": 19, "count": 2}]}}}
{"type": "map", "data": {"@mk": {"1,a": [3,"q"]}}}
{"type": "stats", "data": {"@s": {"2": {"count": 2, "average": -4, "total": -8}, "1": {"count": 1, "average": 5, "total": 5}}}}
{"type": "map", "data": {"@str": {"a\"b\\c\td": 1}}}
{"type": "map", "data": {"@t": [1,"x,y",-2]}}
