# len() in a condition: the verifier must accept it (it once followed every
# round of bpf_for_each_map_elem's callback when the count was compared,
# and gave up: "BPF program is too large").
run: $GOTRACE -q -e 'BEGIN { @m[1] = 1; @m[2] = 2; if (len(@m) == 2) { printf("two\n"); } exit(); }'
--- stdout
two


@m[1]: 1
@m[2]: 2
