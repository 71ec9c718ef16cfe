# -d ast and -d types print the tree (types after sema) and exit 0 without
# attaching anything.
--- script
S='BEGIN { $x = 1 + 2 * 3; if ($x > 5) { @a[comm, "k"] = sum($x); } printf("%d\n", $x); }'
$GOTRACE -d ast -e "$S"
echo "exit $?"
$GOTRACE -d types -e "$S"
echo "exit $?"
--- stdout
Program
 BEGIN
  block
    assign =
      variable $x
      binop +
        int 1
        binop *
          int 2
          int 3
    if
      binop >
        variable $x
        int 5
      block
        assign =
          map @a
            builtin comm
            string "k"
          call sum
            variable $x
    expr
      call printf
        string "%d\n"
        variable $x
exit 0
Program
 BEGIN
  block
    assign =
      variable $x :: int64
      binop + :: int64
        int 1 :: int64
        binop * :: int64
          int 2 :: int64
          int 3 :: int64
    if
      binop > :: int64
        variable $x :: int64
        int 5 :: int64
      block
        assign =
          map @a :: sum
            builtin comm :: string[64]
            string "k" :: string[64]
          call sum :: sum
            variable $x :: int64
    expr
      call printf :: none
        string "%d\n" :: string[64]
        variable $x :: int64
exit 0
