# profile:hz:N and profile:ms:N sample while interval ends the trace.
run: $GOTRACE -q -e 'profile:hz:199 { @hz = count(); } profile:ms:5 { @ms = count(); } interval:ms:300 { exit(); }'
--- stdout-re


@hz: [1-9][0-9]*
@ms: [1-9][0-9]*
