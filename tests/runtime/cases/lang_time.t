# time() and strftime() print the wall clock: today's date, as date(1)
# prints it (strftime() takes nanoseconds since boot, like nsecs).
--- script
d=$(date +%Y-%m-%d)
$GOTRACE -q -e 'BEGIN { time("%Y-%m-%d\n"); printf("%s|\n", strftime("%Y-%m-%d", nsecs)); printf("<%s>\n", strftime("%H:%M:%S", nsecs)); exit(); }' >out
sed "s/$d/TODAY/" out | sed -E 's/<[0-2][0-9]:[0-5][0-9]:[0-6][0-9]>/<HH:MM:SS>/'
--- stdout
TODAY
TODAY|
<HH:MM:SS>


