# Every zero-fill of a large buffer shares one stack slot for the zeros
# map's key: seventy printf("%s", comm) with --strlen 512 fit in the BPF
# stack (each used to add a slot of its own, and the probe did not load).
--- script
P='BEGIN {'
for i in $(seq 70); do P="$P printf(\"%s|\", comm);"; done
P="$P printf(\"\\n\"); exit(); }"
$GOTRACE -q --strlen 512 -e "$P" | head -1 | tr '|' '\n' | sort | uniq -c
echo "status ${PIPESTATUS[0]}"
--- stdout
      1 
     70 gotrace
status 0
