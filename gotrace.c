/* gotrace.c - the command line, and the pipeline:
 *
 *   source -> parse -> resolve attach points -> sema -> codegen (LLVM, BPF)
 *          -> load (libbpf) -> attach -> run -> END, maps, detach */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codegen/codegen.h"
#include "parser/parse.h"
#include "runtime/output.h"
#include "runtime/runtime.h"
#include "sema/builtins.h"
#include "sema/sema.h"

#define GOTRACE_VERSION "0.1.0"

enum {
	OPT_EMIT_LLVM = 256,
	OPT_EMIT_ELF,
	OPT_DRY_RUN,
	OPT_STRLEN,
	OPT_VERSION,
	OPT_DOC_BUILTINS,
};

struct options {
	const char *program; /* -e */
	const char *script;  /* file */
	char **params;
	int nparams;
	pid_t pid;
	char *cmd;
	bool list, verbose, quiet, dry_run;
	const char *list_pattern;
	const char *out_file;
	enum out_format format;
	const char *dump;
	const char *emit_llvm, *emit_elf;
	uint32_t strlen;
};

static void usage(FILE *f)
{
	fputs("usage: gotrace [options] -e 'PROGRAM' [ARG...]\n"
	      "       gotrace [options] SCRIPT.gt [ARG...]\n"
	      "       gotrace -l [PATTERN]\n"
	      "\n"
	      "Traces Go programs (and others) with eBPF: uprobes on function entries and\n"
	      "returns, timers and tracepoints, in a bpftrace-like language that knows Go.\n"
	      "\n"
	      "options:\n"
	      "  -e PROGRAM        the program text\n"
	      "  -p PID            trace that process (uprobes only fire in it); exit when it exits\n"
	      "  -c 'CMD ARGS'     run CMD with everything attached first; exit when it exits\n"
	      "  -l [PATTERN]      list probe points: 'uprobe:BIN:PATTERN', 'tracepoint:CAT:NAME'\n"
	      "  -o FILE           write the output to FILE\n"
	      "  -f text|json      output format (json: one object per line, like bpftrace)\n"
	      "  -v                verbose: what is attached; the verifier's log on failure;\n"
	      "                    with -l, the Go version, ABI and each function's parameters\n"
	      "  -q                no \"Attaching N probes...\" line\n"
	      "  -d STAGE          print a stage and exit: ast, types, ir, ir-opt, asm\n"
	      "  --emit-llvm FILE  write the optimised LLVM IR to FILE and exit\n"
	      "  --emit-elf FILE   write the BPF object to FILE and exit\n"
	      "  --dry-run         load the programs into the verifier, attach nothing\n"
	      "  --strlen N        size of strings in bytes (default 64; env GOTRACE_STRLEN)\n"
	      "  -h, --help        this help\n"
	      "  --version         the version\n"
	      "\n"
	      "examples:\n"
	      "  gotrace -e 'uprobe:./main:main.sum { printf(\"%d\\n\", goarg(0)); }' -c ./main\n"
	      "  gotrace -e 'uprobe:./main:main.* { @[func] = count(); }' -p $(pidof main)\n"
	      "  gotrace -l 'uprobe:./main:main.*'\n"
	      "\n"
	      "Exit status: 0 when done, 1 for a script or runtime error, 2 for bad usage,\n"
	      "or the code given to exit(N). See docs/ for the language.\n",
	      f);
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ "emit-llvm", required_argument, NULL, OPT_EMIT_LLVM },
		{ "emit-elf", required_argument, NULL, OPT_EMIT_ELF },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "strlen", required_argument, NULL, OPT_STRLEN },
		{ "doc-builtins", no_argument, NULL, OPT_DOC_BUILTINS },
		{ NULL, 0, NULL, 0 },
	};
	memset(o, 0, sizeof(*o));
	const char *env = getenv("GOTRACE_STRLEN");
	o->strlen = env ? (uint32_t)atoi(env) : 64;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "e:p:c:lo:f:vqd:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'e': o->program = optarg; break;
		case 'p': {
			char *end;
			long pid = strtol(optarg, &end, 10);
			if (*end || pid <= 0) {
				fprintf(stderr, "gotrace: -p needs a process id, not '%s'\n", optarg);
				return 2;
			}
			o->pid = (pid_t)pid;
			break;
		}
		case 'c': o->cmd = optarg; break;
		case 'l': o->list = true; break;
		case 'o': o->out_file = optarg; break;
		case 'f':
			if (!strcmp(optarg, "json"))
				o->format = OUT_JSON;
			else if (!strcmp(optarg, "text"))
				o->format = OUT_TEXT;
			else {
				fprintf(stderr, "gotrace: -f takes text or json, not '%s'\n", optarg);
				return 2;
			}
			break;
		case 'v': o->verbose = true; break;
		case 'q': o->quiet = true; break;
		case 'd': {
			static const char *const stages[] = { "ast", "types", "ir", "ir-opt", "asm" };
			bool ok = false;
			for (size_t i = 0; i < ARRAY_SIZE(stages); i++)
				ok |= !strcmp(optarg, stages[i]);
			if (!ok) {
				fprintf(stderr, "gotrace: -d takes ast, types, ir, ir-opt or asm, not '%s'\n",
					optarg);
				return 2;
			}
			o->dump = optarg;
			break;
		}
		case 'h': usage(stdout); exit(0);
		case OPT_VERSION: printf("gotrace %s\n", GOTRACE_VERSION); exit(0);
		case OPT_EMIT_LLVM: o->emit_llvm = optarg; break;
		case OPT_EMIT_ELF: o->emit_elf = optarg; break;
		case OPT_DRY_RUN: o->dry_run = true; break;
		case OPT_STRLEN: o->strlen = (uint32_t)atoi(optarg); break;
		case OPT_DOC_BUILTINS: {
			struct strbuf sb;
			sb_init(&sb);
			builtins_doc(&sb);
			fputs(sb.s, stdout);
			sb_free(&sb);
			exit(0);
		}
		case '?':
		default:
			if (optopt && strchr("epcofd", optopt))
				fprintf(stderr, "gotrace: option -%c needs an argument\n", optopt);
			else if (optopt)
				fprintf(stderr, "gotrace: unknown option -%c\n", optopt);
			else
				fprintf(stderr, "gotrace: unknown option %s\n", argv[optind - 1]);
			fputs("Try 'gotrace --help'.\n", stderr);
			return 2;
		}
	}
	if (o->strlen < 8 || o->strlen > 1024) {
		fprintf(stderr, "gotrace: --strlen must be between 8 and 1024\n");
		return 2;
	}
	o->strlen = (uint32_t)ALIGN_UP(o->strlen, 8);
	if (o->list) {
		o->list_pattern = optind < argc ? argv[optind++] : NULL;
		return 0;
	}
	if (!o->program) {
		if (optind >= argc) {
			usage(stderr);
			return 2;
		}
		o->script = argv[optind++];
	}
	o->params = argv + optind;
	o->nparams = argc - optind;
	if (o->pid && o->cmd) {
		fprintf(stderr, "gotrace: -p and -c cannot be used together\n");
		return 2;
	}
	return 0;
}

static int write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		fprintf(stderr, "gotrace: cannot write %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options o;
	signal(SIGPIPE, SIG_IGN); /* a closed output is seen as a write error */
	int rc = parse_options(argc, argv, &o);
	if (rc)
		return rc;
	if (o.list)
		return list_probes(o.list_pattern, o.pid, o.verbose);

	struct source src = { 0 };
	char *text = NULL;
	if (o.program) {
		src.name = "stdin";
		src.text = o.program;
		src.len = strlen(o.program);
	} else {
		struct stat st;
		if (stat(o.script, &st) == 0 && S_ISDIR(st.st_mode)) {
			fprintf(stderr, "gotrace: %s is a directory, not a script\n", o.script);
			return 1;
		}
		text = read_file(o.script, &src.len);
		if (!text) {
			fprintf(stderr, "gotrace: cannot read %s: %s\n", o.script, strerror(errno));
			return 1;
		}
		src.name = o.script;
		src.text = text;
	}

	struct diag diag;
	diag_init(&diag, &src);
	struct program *prog = NULL;
	struct probeset ps = { 0 };
	struct sema sema;
	bool sema_ready = false;
	struct blob obj = { 0 };
	struct strbuf dump;
	sb_init(&dump);
	FILE *out = stdout;
	rc = 1;

	if (parse_program(&src, &diag, o.params, o.nparams, &prog))
		goto out;
	if (o.dump && !strcmp(o.dump, "ast")) {
		ast_dump(prog, &dump, NULL);
		fputs(dump.s, stdout);
		rc = 0;
		goto out;
	}
	struct resolve_opts ro = { .pid = o.pid, .verbose = o.verbose };
	if (resolve_probes(prog, &diag, &ro, &ps))
		goto out;
	sema_init(&sema, prog, &diag, ps.envs, o.strlen);
	sema.verbose = o.verbose;
	sema_ready = true;
	if (sema_check(&sema))
		goto out;
	if (o.dump && !strcmp(o.dump, "types")) {
		sema_dump(&sema, &dump);
		fputs(dump.s, stdout);
		rc = 0;
		goto out;
	}
	struct cg_opts co = { .out = &dump, .emit_llvm = o.emit_llvm };
	if (o.dump)
		co.dump = !strcmp(o.dump, "ir") ? CG_DUMP_IR : !strcmp(o.dump, "ir-opt") ? CG_DUMP_IR_OPT
											: CG_DUMP_ASM;
	if (codegen(&sema, &co, &obj))
		goto out;
	if (o.dump || o.emit_llvm || o.emit_elf) {
		if (o.dump)
			fputs(dump.s ? dump.s : "", stdout);
		rc = o.emit_elf ? write_file(o.emit_elf, obj.data, obj.size) : 0;
		goto out;
	}
	if (o.out_file) {
		out = fopen(o.out_file, "we");
		if (!out) {
			fprintf(stderr, "gotrace: cannot write %s: %s\n", o.out_file, strerror(errno));
			out = stdout;
			goto out;
		}
	}
	struct output output = { .f = out, .format = o.format, .sema = &sema };
	struct run_opts ropts = { .verbose = o.verbose, .quiet = o.quiet, .dry_run = o.dry_run,
				  .pid = o.pid, .cmd = o.cmd, .out = &output };
	rc = run_program(&sema, &ps, &obj, &ropts);
out:
	if (out != stdout)
		fclose(out);
	sb_free(&dump);
	blob_free(&obj);
	if (sema_ready)
		sema_free(&sema);
	probeset_free(&ps);
	program_free(prog);
	free(text);
	return rc;
}
