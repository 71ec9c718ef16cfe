# for ($i : a..b) runs a..b-1, with break and continue; return ends the
# probe's run.
run: $GOTRACE -q -e 'BEGIN { for ($i : 0..6) { if ($i == 1) { continue; } if ($i == 4) { break; } printf("i=%d\n", $i); } $s = 0; for ($j : 3..6) { $s += $j; } for ($k : 2..2) { printf("never\n"); } printf("s=%d\n", $s); exit(); if ($s == 12) { return; } printf("not reached\n"); } END { printf("end\n"); }'
--- stdout
i=0
i=2
i=3
s=12
end


