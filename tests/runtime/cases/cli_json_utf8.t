# -f json: strings holding bytes that are not UTF-8 still give valid JSON
# lines (each bad byte is U+FFFD); time() with a text over 1 KiB prints.
needs: jq
--- script
D=$(printf '0123456789%.0s' $(seq 150))
$GOTRACE -f json -e 'BEGIN { printf("a\xff\xfe%s\n", "\xc3\xa9"); @[ "k\xff" ] = 1; time("'$D'"); exit(); }' >out.json
jq -c "if .type == \"time\" then {time: (.data | length)} else . end" out.json
--- stdout
{"type":"attached_probes","data":{"probes":1}}
{"type":"printf","data":"a��é\n"}
{"time":1500}
{"type":"map","data":{"@":{"k�":1}}}
