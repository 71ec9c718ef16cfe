# break and continue work at any depth: forty nested loops, and the
# innermost breaks after its first round (beyond 32 loops, break and
# continue used to fall through silently: @n was 3).
--- script
P='BEGIN { '
for i in $(seq 40); do P="$P for (\$a$i : 0..1) { "; done
P="$P for (\$j : 0..3) { @n = count(); break; } for (\$k : 0..3) { if (\$k < 2) { continue; } @c = count(); } "
for i in $(seq 40); do P="$P }"; done
P="$P exit(); }"
$GOTRACE -q -e "$P"
--- stdout


@c: 1
@n: 1
