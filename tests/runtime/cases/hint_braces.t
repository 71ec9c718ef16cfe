# Braces lost when a one-liner went through a formatter.
exit: 1
run: $GOTRACE -e 'uprobe:/bin/true:main < printf("x") >'
--- stderr
stdin:1:23: error: syntax error, unexpected '<', expecting '{'
uprobe:/bin/true:main < printf("x") >
                      ^
hint: use { } around a probe body
