# Differential: -f json for print(@m), print(@m, top, div) and print(value).
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -f json -e 'BEGIN { @a[1] = 10; @a[2] = 30; @a[3] = 20; print(@a); print(@a, 2, 10); @h = hist(100); @h = hist(5000); print(@h); print(5); print("a\\b"); print((7, "x")); exit(); }'
--- stdout
same
{"type": "attached_probes", "data": {"probes": 1}}
{"type": "map", "data": {"@a": {"1": 10, "3": 20, "2": 30}}}
{"type": "map", "data": {"@a": {"3": 2, "2": 3}}}
{"type": "hist", "data": {"@h": [{"min": 64, "max": 127, "count": 1}, {"min": 128, "max": 255, "count": 0}, {"min": 256, "max": 511, "count": 0}, {"min": 512, "max": 1023, "count": 0}, {"min": 1024, "max": 2047, "count": 0}, {"min": 2048, "max": 4095, "count": 0}, {"min": 4096, "max": 8191, "count": 1}]}}
{"type": "value", "data": 5}
{"type": "value", "data": "a\\b"}
{"type": "value", "data": [7,"x"]}


{"type": "map", "data": {"@a": {"1": 10, "3": 20, "2": 30}}}
{"type": "hist", "data": {"@h": [{"min": 64, "max": 127, "count": 1}, {"min": 128, "max": 255, "count": 0}, {"min": 256, "max": 511, "count": 0}, {"min": 512, "max": 1023, "count": 0}, {"min": 1024, "max": 2047, "count": 0}, {"min": 2048, "max": 4095, "count": 0}, {"min": 4096, "max": 8191, "count": 1}]}}
