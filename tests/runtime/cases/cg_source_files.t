# LLVM's BPF back end never opens a file by the script's name: the
# script's text is embedded in its debug info. It used to open ./stdin (the
# name of an -e program) and a .gt script again, for the lines of BTF line
# info: a FIFO named stdin hung gotrace, stdin -> /dev/zero ate memory,
# stdin -> a secret put the secret's lines in --emit-elf and -d asm, a
# FIFO script hung on its second open. The object still carries the
# script's own lines (the verifier's log shows them with -v).
--- script
P='BEGIN { printf("hello\n"); exit(); }'
mkfifo stdin
timeout 20 $GOTRACE --emit-elf o.elf -e "$P"; echo "fifo stdin: status $?"
rm stdin; echo "TOP SECRET LINE" > secret.txt; ln -s secret.txt stdin
timeout 20 $GOTRACE --emit-elf o.elf -e "$P"; echo "secret stdin: status $?"
echo "secret in elf: $(grep -c 'TOP SECRET' o.elf)"
echo "secret in asm: $(timeout 20 $GOTRACE -d asm -e "$P" | grep -c 'TOP SECRET')"
echo "script line in elf: $(grep -c 'printf("hello' o.elf)"
rm stdin; ln -s /dev/zero stdin
(ulimit -v 3000000; timeout 20 $GOTRACE --emit-elf o.elf -e "$P"); echo "zero stdin: status $?"
mkfifo s.gt
(echo "$P" > s.gt &)
timeout 20 $GOTRACE --emit-elf o2.elf s.gt; echo "fifo script: status $?"
echo "script line in elf: $(grep -c 'printf("hello' o2.elf)"
timeout 20 $GOTRACE -v -e 'BEGIN { $i = 0; while (1) { $i++; } }' 2>&1 | grep -F '; BEGIN { $i = 0; while (1) { $i++; } } @ stdin:1'
--- stdout
fifo stdin: status 0
secret stdin: status 0
secret in elf: 0
secret in asm: 0
script line in elf: 1
zero stdin: status 0
fifo script: status 0
script line in elf: 1
; BEGIN { $i = 0; while (1) { $i++; } } @ stdin:1
