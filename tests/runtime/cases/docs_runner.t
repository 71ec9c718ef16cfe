# tests/docs/run, the test of the documents, tells a block that prints
# what its document shows from one that does not: exact output, "..."
# lines, any-order, numbers, histogram rows, exit status, commands=2,
# needs, skip, a command continued over lines. Blocks whose names end in
# "bad" must fail, the others pass.
--- file doc.md
# A document

A block that is not a command: not run.

```
./gotrace --nothing
```

```
# echo good exact; echo two
good exact
two
```

```
# echo bad exact
bad exact!
```

```
# printf 'good ellipsis\na\nb\nc\nend\n'
good ellipsis
...
end
```

<!-- test: any-order -->
```
# printf 'good any-order\nb\na\n'
good any-order
a
b
```

```
# printf 'bad order\nb\na\n'
bad order
a
b
```

<!-- test: numbers -->
```
# echo "good numbers: pid $$ at 0x7f00aa, 12.5%   of    3"
good numbers: pid 4242 at 0x55aa, 99.99% of 100
```

<!-- test: numbers -->
```
# echo "bad numbers: pid $$ took"
bad numbers: pid 1 slept
```

<!-- test: hist -->
```
# printf '@h: \n[1]   3 |@@@ |\n[2, 4)  1 |@   |\n[4, 8)  1 |@   |\n\ngood hist\n'
@h: 
[8, 16)  9 |@@@@|

good hist
```

<!-- test: exit=3 -->
```
# echo good exit; exit 3
good exit
```

```
# echo bad exit; exit 1
bad exit
```

<!-- test: commands=2 -->
```
# x='good two commands'
# echo "$x"
good two commands
```

```
# printf '%s\n' 'good continued
line'
good continued
line
```

<!-- test: needs=no-such-command-here -->
```
# echo skipped
never
```

<!-- test: skip (for a reason) -->
```
# echo skipped too
never
```
--- script
$ROOT/tests/docs/run --here --doc $PWD/doc.md >out
echo "status $?"
grep -E '^(PASS|FAIL|SKIP)' out | sed -E 's/^(PASS|FAIL|SKIP) [^:]*:[0-9]+: ?/\1 /'
tail -1 out
--- stdout
status 1
PASS echo good exact; echo two
FAIL echo bad exact
PASS printf 'good ellipsis\na\nb\nc\nend\n'
PASS printf 'good any-order\nb\na\n'
FAIL printf 'bad order\nb\na\n'
PASS echo "good numbers: pid $$ at 0x7f00aa, 12.5%   of    3"
FAIL echo "bad numbers: pid $$ took"
PASS printf '@h: \n[1]   3 |@@@ |\n[2, 4)  1 |@   |\n[4, 8)  1 |@   |\n\ngood hist\n'
PASS echo good exit; exit 3
FAIL echo bad exit; exit 1
PASS echo "$x"
PASS printf '%s\n' 'good continued
SKIP needs no-such-command-here
SKIP skip
docs: 8 passed, 4 failed, 2 skipped
