# Every example of the docs is a program the kernel accepts: each line of a
# ```gotrace block of docs/language.md, and each example of the builtin
# table (docs/builtins.md), is loaded with --dry-run next to ./main
# (docmain: sum, concat, divmod, describe) and ./hello, with ./main main.sum
# as positional parameters. Prints the ones that fail.
prog: docmain
prog: hello
--- script
cp $PROG_docmain ./main
cp $PROG_hello ./hello
awk '/^```gotrace$/ { on = 1; next } /^```/ { on = 0 } on' $ROOT/docs/language.md >lang.txt
$GOTRACE --doc-builtins | sed -nE 's/^\| `[^`]*` \| [^|]* \| .* \| `(.*)` \|$/\1/p' | sed 's/\\|/|/g' >builtins.txt
n=0
for f in lang.txt builtins.txt; do
	while IFS= read -r ex; do
		n=$((n + 1))
		if ! $GOTRACE --dry-run -e "$ex" ./main main.sum >/dev/null 2>err; then
			echo "$f: $ex"
			head -1 err | sed 's/^/    /'
		fi
	done <$f
done
[ $(wc -l <lang.txt) -ge 40 ] && [ $(wc -l <builtins.txt) -ge 60 ] && echo "enough examples"
--- stdout
enough examples
