# --help lists every option of the SPEC and exits 0; --version too.
--- script
$GOTRACE --help; echo "exit $?"
$GOTRACE --version | grep -c '^gotrace'
--- stdout-has
  -e PROGRAM
  -p PID
  -c 'CMD ARGS'
  -l [PATTERN]
  -o FILE
  -f text|json
  -k 
  -v 
  -q 
  -d STAGE
  --emit-llvm FILE
  --emit-elf FILE
  --dry-run
  -h, --help
  --version
exit 0
