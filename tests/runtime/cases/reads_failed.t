# A read of user memory that fails is counted at its place and said at
# exit, as a located warning on stderr (how many of how many reads, and
# why), and in -f json; -k says each one as it happens (what, how many
# bytes, where). At sum(11, 22) the probe reads a string at address 11 and
# a word at address 33, neither mapped: each read fails once. Before, both
# were silently "" and 0.
prog: sum
--- file reads.gt
uprobe:$1:main.sum {
  printf("[%s] %d\n", str(goarg(0) + 0), *(uint32 *)(goarg(0) + goarg(1)));
}
--- script
$GOTRACE -q reads.gt $PROG -c $PROG >out 2>err
echo "exit $?"; grep -v '^$' out; grep -v '^33$' err
echo "-k:"
$GOTRACE -q -k reads.gt $PROG -c $PROG 2>&1 >/dev/null | grep -v -e '^33$' -e warning -e '^  '
echo "json:"
$GOTRACE -q -f json reads.gt $PROG -c $PROG 2>/dev/null | grep read_errors
--- stdout
exit 0
[] 0
reads.gt:2:23: warning: str: 1 of 1 reads failed: Bad address
  printf("[%s] %d\n", str(goarg(0) + 0), *(uint32 *)(goarg(0) + goarg(1)));
                      ^~~~~~~~~~~~~~~~~
reads.gt:2:42: warning: *(uint32 *): 1 of 1 reads failed: Bad address
  printf("[%s] %d\n", str(goarg(0) + 0), *(uint32 *)(goarg(0) + goarg(1)));
                                         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
-k:
reads.gt:2:23: str: cannot read 64 bytes at 0xb: Bad address
reads.gt:2:42: *(uint32 *): cannot read 4 bytes at 0x21: Bad address
json:
{"type": "read_errors", "data": {"at": "reads.gt:2:23", "what": "str", "reads": 1, "failed": 1, "error": "Bad address"}}
{"type": "read_errors", "data": {"at": "reads.gt:2:42", "what": "*(uint32 *)", "reads": 1, "failed": 1, "error": "Bad address"}}
