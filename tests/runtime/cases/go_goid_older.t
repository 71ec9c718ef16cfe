# goid in a stripped binary whose version string says go1.15, older than
# gotrace's goid table (a copy of esbuild-0.13.15, Go 1.17, relabelled):
# the offset cannot be measured from its code read as stack ABI, and the
# error says the release is older than the table (not newer), naming the
# file once. The measurement walks back over every decoded instruction.
needs: esbuild-0.13.15
exit: 1
--- script
cp $GOBINS/esbuild-0.13.15 esb
perl -pi -e 's/go1\.17\.2/go1.15.2/g' esb
$GOTRACE --dry-run -e 'uprobe:./esb:main.main { printf("%d\n", goid); }' 2>&1 | sed "s|$PWD|DIR|"
exit ${PIPESTATUS[0]}
--- stdout
stdin:1:41: error: goid is not available here: DIR/esb: go1.15.2 is older than Go 1.16, the oldest release gotrace knows, and has no DWARF: cannot tell where goid is
uprobe:./esb:main.main { printf("%d\n", goid); }
                                        ^~~~
