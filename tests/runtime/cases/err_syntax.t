# A syntax error: file:line:col, the line, a caret; exit 1.
exit: 1
run: $GOTRACE -e 'uprobe:/bin/true:main { printf("x" }'
--- stderr
stdin:1:36: error: syntax error, unexpected '}', expecting ')'
uprobe:/bin/true:main { printf("x" }
                                   ^
