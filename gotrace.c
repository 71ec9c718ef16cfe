/* gotrace.c - the command line, and the pipeline:
 *
 *   source -> parse -> resolve attach points -> sema -> codegen (LLVM, BPF)
 *          -> load (libbpf) -> attach -> run -> END, maps, detach */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <ctype.h>
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
	OPT_TOOLS,
};

struct options {
	const char *program; /* -e */
	const char *script;  /* file */
	char **params;
	int nparams;
	pid_t pid;
	char *cmd;
	bool list, verbose, quiet, dry_run, faults;
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
	      "       gotrace [options] TOOL [ARG...]   (a ready tool by name; see --tools)\n"
	      "       gotrace --tools\n"
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
	      "  -f text|json|pprof|folded\n"
	      "                    output format: json, one object per line like bpftrace;\n"
	      "                    pprof, the maps with a stack in their key as a gzipped\n"
	      "                    profile for go tool pprof (needs -o); folded, those maps\n"
	      "                    as frame;frame;frame N lines for flame graphs\n"
	      "  -k                say each failed read of memory and each dropped map update\n"
	      "                    as it happens (they are always counted and said at exit)\n"
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
	      "  --tools           list the ready tools (TOOL.gt in $GOTRACE_PATH, then\n"
	      "                    " GOTRACE_TOOLS_DIR ", then stdlib/ of the source tree)\n"
	      "\n"
	      "examples:\n"
	      "  gotrace -e 'uprobe:./main:main.sum { printf(\"%d\\n\", goarg(0)); }' -c ./main\n"
	      "  gotrace -e 'uprobe:./main:main.* { @[func] = count(); }' -p $(pidof main)\n"
	      "  gotrace -l 'uprobe:./main:main.*'\n"
	      "  gotrace funclatency ./main 'main.handle' -c ./main\n"
	      "\n"
	      "Exit status: 0 when done, 1 for a script or runtime error, 2 for bad usage,\n"
	      "the code given to exit(N), or how the traced program ended: 128 + N when\n"
	      "signal N killed it, its exit status when not 0. See docs/ for the language.\n",
	      f);
}

/* A decimal number, all digits, at most max; false for anything else
 * (a sign, blanks, a suffix, more than max). */
static bool parse_number(const char *s, uint64_t max, uint64_t *v)
{
	uint64_t x = 0;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		unsigned d = (unsigned)(*s - '0');
		if (x > (max - d) / 10)
			return false;
		x = x * 10 + d;
	}
	*v = x;
	return true;
}

/* --strlen N and GOTRACE_STRLEN=N: 8 to 1024. */
static bool parse_strlen(const char *what, const char *s, uint32_t *out)
{
	uint64_t v;
	if (!parse_number(s, UINT32_MAX, &v) || v < 8 || v > 1024) {
		fprintf(stderr, "gotrace: %s must be a number from 8 to 1024, not '%s'\n", what, s);
		return false;
	}
	*out = (uint32_t)v;
	return true;
}

#ifndef GOTRACE_TOOLS_DIR /* the Makefile sets it from PREFIX */
#define GOTRACE_TOOLS_DIR "/usr/local/share/gotrace/tools"
#endif

/* --- -f ----------------------------------------------------------------------- */

/* -f NAME: the output format; false for a name we do not know. */
static bool parse_format(const char *name, enum out_format *f)
{
	static const struct {
		const char *name;
		enum out_format f;
	} formats[] = {
		{ "text", OUT_TEXT },
		{ "json", OUT_JSON },
		{ "pprof", OUT_PPROF },
		{ "folded", OUT_FOLDED },
	};
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(name, formats[i].name)) {
			*f = formats[i].f;
			return true;
		}
	return false;
}

/* --- ready tools: TOOL.gt by name ------------------------------------------------ */

/* Where tools are looked for, in order: each directory of $GOTRACE_PATH
 * (colon separated), the installed tools directory, and stdlib/ of the
 * source tree the running gotrace was built in (found from its own path:
 * ./gotrace, or build/asan/gotrace, two levels below). Returns how many
 * it put in dirs (each malloc'd). */
static size_t tool_dirs(char **dirs, size_t max)
{
	size_t n = 0;
	const char *env = getenv("GOTRACE_PATH");
	if (env) {
		char *copy = xstrdup(env), *save = NULL;
		for (char *d = strtok_r(copy, ":", &save); d && n < max; d = strtok_r(NULL, ":", &save))
			dirs[n++] = xstrdup(d);
		free(copy);
	}
	if (n < max)
		dirs[n++] = xstrdup(GOTRACE_TOOLS_DIR);
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (len > 0) {
		exe[len] = '\0';
		char *dir = dirname(exe);
		for (int up = 0; up < 3 && n < max; up++) {
			char *cand = xasprintf("%s%s/stdlib", dir, up == 0 ? "" : up == 1 ? "/.." : "/../..");
			char real[PATH_MAX];
			struct stat st;
			if (realpath(cand, real) && stat(real, &st) == 0 && S_ISDIR(st.st_mode)) {
				free(cand);
				dirs[n++] = xstrdup(real);
				break;
			}
			free(cand);
		}
	}
	return n;
}

static void free_dirs(char **dirs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
}

/* A tool's name: letters, digits, '_' and '-' (anything else is a path). */
static bool is_tool_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '-'))
			return false;
	return true;
}

/* The path of tool `name` (malloc'd), or NULL. */
static char *find_tool(const char *name)
{
	char *dirs[64], *found = NULL;
	size_t n = tool_dirs(dirs, ARRAY_SIZE(dirs));
	for (size_t i = 0; i < n && !found; i++) {
		char *p = xasprintf("%s/%s.gt", dirs[i], name);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			found = p;
		else
			free(p);
	}
	free_dirs(dirs, n);
	return found;
}

/* What a tool's header says (see stdlib/README.md): its purpose, from
 * the first comment line "// NAME - PURPOSE", and its usage line
 * "// usage: gotrace NAME ARG... [OPTIONS]". */
struct tool_header {
	char purpose[256];
	char usage[256];
};

static void read_header(const char *text, struct tool_header *h)
{
	memset(h, 0, sizeof(*h));
	bool first = true;
	for (const char *line = text; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (!strncmp(line, "#!", 2)) {
			line = end ? end + 1 : NULL;
			continue;
		}
		if (strncmp(line, "//", 2))
			break; /* the header ends with the first line that is not a comment */
		const char *c = line + 2;
		size_t clen = len - 2;
		while (clen && *c == ' ') {
			c++;
			clen--;
		}
		const char *dash = memmem(c, clen, " - ", 3);
		if (first && dash) {
			size_t k = MIN(clen - (size_t)(dash + 3 - c), sizeof(h->purpose) - 1);
			memcpy(h->purpose, dash + 3, k);
		}
		first = false;
		if (clen > 7 && !strncmp(c, "usage: ", 7) && !h->usage[0])
			memcpy(h->usage, c, MIN(clen, sizeof(h->usage) - 1));
		line = end ? end + 1 : NULL;
	}
}

/* How many positional parameters a usage line asks for: the words after
 * "gotrace NAME" up to the first optional one ("[...]") or option. */
static int usage_params(const char *usage)
{
	char copy[256], *save = NULL;
	snprintf(copy, sizeof(copy), "%s", usage);
	int word = 0, n = 0;
	for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save), word++) {
		if (word < 3) /* "usage:", "gotrace", NAME */
			continue;
		if (w[0] == '[' || w[0] == '-' || w[0] == '|')
			break;
		n++;
	}
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* --tools: every tool by name (the first of a name in the search order),
 * with its purpose; exit status 0, or 1 when there are none. */
static int list_tools(void)
{
	char *dirs[64];
	size_t nd = tool_dirs(dirs, ARRAY_SIZE(dirs));
	VEC(char *) names = { 0 };
	for (size_t i = 0; i < nd; i++) {
		DIR *d = opendir(dirs[i]);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			size_t len = strlen(e->d_name);
			if (len <= 3 || strcmp(e->d_name + len - 3, ".gt"))
				continue;
			char *name = xstrndup(e->d_name, len - 3);
			bool seen = !is_tool_name(name);
			for (size_t k = 0; k < names.n && !seen; k++)
				seen = !strcmp(names.v[k], name);
			if (seen)
				free(name);
			else
				vec_push(&names, name);
		}
		if (d)
			closedir(d);
	}
	if (names.n)
		qsort(names.v, names.n, sizeof(*names.v), cmp_str);
	for (size_t k = 0; k < names.n; k++) {
		char *path = find_tool(names.v[k]);
		char *text = path ? read_file(path, NULL) : NULL;
		struct tool_header h;
		read_header(text ? text : "", &h);
		printf("%-12s %s\n", names.v[k], h.purpose[0] ? h.purpose : "(no description)");
		free(text);
		free(path);
		free(names.v[k]);
	}
	int rc = names.n ? 0 : 1;
	if (!names.n) {
		fprintf(stderr, "gotrace: no tools found in");
		for (size_t i = 0; i < nd; i++)
			fprintf(stderr, "%s %s", i ? "," : "", dirs[i]);
		fputc('\n', stderr);
	}
	vec_free(&names);
	free_dirs(dirs, nd);
	return rc;
}

/* Whether a file holds a NUL byte in its first 4 KiB: a program, not a
 * script. */
static bool is_binary_file(const char *path)
{
	char buf[4096];
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(buf, 1, sizeof(buf), f) : 0;
	if (f)
		fclose(f);
	return memchr(buf, 0, n) != NULL;
}

/* The script argument: a file as it is; otherwise a tool's name, looked
 * up by find_tool (also when a program of that name is in the current
 * directory, as the program a tool traces often is). Returns 0 with
 * *path set (malloc'd), or an exit status after saying why. */
static int resolve_script(const char *arg, char **path)
{
	struct stat st;
	*path = NULL;
	bool exists = stat(arg, &st) == 0;
	if (!is_tool_name(arg) || (exists && !(S_ISREG(st.st_mode) && is_binary_file(arg)))) {
		*path = xstrdup(arg);
		return 0;
	}
	*path = find_tool(arg);
	if (!*path && exists) {
		*path = xstrdup(arg); /* reading it as a script says what is wrong */
		return 0;
	}
	if (*path)
		return 0;
	char *dirs[64];
	size_t nd = tool_dirs(dirs, ARRAY_SIZE(dirs));
	fprintf(stderr, "gotrace: '%s' is neither a file nor a tool (%s.gt in", arg, arg);
	for (size_t i = 0; i < nd; i++)
		fprintf(stderr, "%s %s", i ? "," : "", dirs[i]);
	fprintf(stderr, ")\nTry 'gotrace --tools'.\n");
	free_dirs(dirs, nd);
	return 1;
}

/* A tool (or any script whose header has a usage line) given fewer
 * positional parameters than its usage line names: the usage line and
 * exit status 2. */
static int check_tool_params(const char *text, int nparams)
{
	struct tool_header h;
	read_header(text, &h);
	if (!h.usage[0] || nparams >= usage_params(h.usage))
		return 0;
	fprintf(stderr, "%s\n", h.usage);
	return 2;
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
		{ "tools", no_argument, NULL, OPT_TOOLS },
		{ NULL, 0, NULL, 0 },
	};
	memset(o, 0, sizeof(*o));
	o->strlen = 0;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "e:p:c:lo:f:kvqd:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'e': o->program = optarg; break;
		case 'p': {
			uint64_t pid;
			if (!parse_number(optarg, INT_MAX, &pid) || pid == 0) {
				fprintf(stderr, "gotrace: -p needs a process id (1 to %d), not '%s'\n",
					INT_MAX, optarg);
				return 2;
			}
			o->pid = (pid_t)pid;
			break;
		}
		case 'c': o->cmd = optarg; break;
		case 'l': o->list = true; break;
		case 'o': o->out_file = optarg; break;
		case 'f':
			if (!parse_format(optarg, &o->format)) {
				fprintf(stderr, "gotrace: -f takes text, json, pprof or folded, not '%s'\n",
					optarg);
				return 2;
			}
			break;
		case 'k': o->faults = true; break;
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
		case OPT_STRLEN:
			if (!parse_strlen("--strlen", optarg, &o->strlen))
				return 2;
			break;
		case OPT_TOOLS: exit(list_tools());
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
	/* --strlen wins over GOTRACE_STRLEN */
	const char *env = getenv("GOTRACE_STRLEN");
	if (!o->strlen)
		o->strlen = 64;
	else
		env = NULL;
	if (env && !parse_strlen("GOTRACE_STRLEN", env, &o->strlen))
		return 2;
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

/* Scripts are text of at most this many bytes (gotrace /dev/zero must end). */
#define SCRIPT_MAX (1u << 20)

/* Reads a script file (or a pipe: gotrace <(...)); NULL after saying why. */
static char *read_script(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "gotrace: cannot read %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, "gotrace: %s is a directory, not a script\n", path);
		close(fd);
		return NULL;
	}
	size_t n = 0, cap = S_ISREG(st.st_mode) && st.st_size < SCRIPT_MAX ? (size_t)st.st_size + 1 : 4096;
	char *text = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			cap = MIN(cap * 2, SCRIPT_MAX + 1);
			text = xrealloc(text, cap + 1);
		}
		ssize_t r = read(fd, text + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			fprintf(stderr, "gotrace: cannot read %s: %s\n", path, strerror(errno));
			free(text);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > SCRIPT_MAX) {
			fprintf(stderr, "gotrace: %s is larger than %u MiB, the most a script may be\n",
				path, SCRIPT_MAX >> 20);
			free(text);
			close(fd);
			return NULL;
		}
	}
	close(fd);
	text[n] = '\0';
	*len = n;
	return text;
}

/* Would the kernel's protected_symlinks refuse to follow the symlink
 * `link` (whose owner is uid)? In a sticky, world-writable directory
 * (/tmp), a symlink is followed only when it belongs to the directory's
 * owner or to whoever follows it. */
static bool symlink_protected(const char *link, uid_t uid)
{
	char *dir = xstrdup(link);
	char *slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	struct stat d;
	bool refuse = stat(dir, &d) == 0 && (d.st_mode & S_ISVTX) && (d.st_mode & S_IWOTH) &&
		      uid != d.st_uid && uid != geteuid();
	free(dir);
	return refuse;
}

/* Opens an output file (-o, --emit-elf) for writing (created or truncated), refusing any symlink
 * on its path that protected_symlinks would (fs.protected_symlinks may be
 * off, and gotrace often runs as root): otherwise a link another user
 * plants in /tmp would have gotrace overwrite its target. */
static FILE *open_output(const char *path)
{
	/* every symlink among the path's components */
	char *pre = xstrdup(path);
	bool last_is_link = false;
	for (char *p = pre + (*pre != '\0');; p++) {
		if (*p && *p != '/')
			continue;
		char keep = *p;
		*p = '\0';
		struct stat l;
		if (lstat(pre, &l) == 0 && S_ISLNK(l.st_mode)) {
			if (symlink_protected(pre, l.st_uid)) {
				fprintf(stderr,
					"gotrace: not writing %s: %s%s is a symlink of another user (uid %u) in a sticky, world-writable directory\n",
					path, keep ? pre : "it", keep ? " on its path" : "", (unsigned)l.st_uid);
				free(pre);
				return NULL;
			}
			last_is_link = !keep;
		}
		*p = keep;
		if (!keep)
			break;
	}
	free(pre);
	/* a final component that was no symlink must not have become one */
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (last_is_link ? 0 : O_NOFOLLOW),
		      0666);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		fprintf(stderr, "gotrace: cannot write %s: %s\n", path,
			errno == ELOOP ? "it became a symlink" : strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	return f;
}

/* -p PID: a live process (a zombie has ended; only its exit status is
 * left for its parent). */
static int check_pid(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	char *buf = read_file(path, NULL);
	const char *paren = buf ? strrchr(buf, ')') : NULL;
	char state = paren && paren[1] == ' ' ? paren[2] : '?';
	free(buf);
	if (!paren) {
		if (kill(pid, 0) < 0 && errno == ESRCH) {
			fprintf(stderr, "gotrace: -p %d: %s\n", (int)pid, strerror(ESRCH));
			return 1;
		}
		return 0;
	}
	if (state == 'Z' || state == 'X') {
		fprintf(stderr, "gotrace: -p %d: the process has ended (a zombie: its parent has not yet collected its exit status)\n",
			(int)pid);
		return 1;
	}
	return 0;
}

static int write_file(const char *path, const void *data, size_t len)
{
	FILE *f = open_output(path);
	if (!f)
		return 1;
	if (fwrite(data, 1, len, f) != len || fclose(f)) {
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
	if (o.pid && check_pid(o.pid))
		return 1;
	if (o.list)
		return list_probes(o.list_pattern, o.pid, o.verbose);
	if (o.format == OUT_PPROF && !o.out_file && !o.dump && !o.emit_llvm && !o.emit_elf) {
		fprintf(stderr, "gotrace: -f pprof writes a binary profile: name its file with -o FILE\n");
		return 2;
	}
	char *script_path = NULL;
	if (o.script) {
		rc = resolve_script(o.script, &script_path);
		if (rc)
			return rc;
		o.script = script_path;
	}

	struct source src = { 0 };
	char *text = NULL;
	if (o.program) {
		src.name = "stdin";
		src.text = o.program;
		src.len = strlen(o.program);
	} else {
		text = read_script(o.script, &src.len);
		if (!text) {
			free(script_path);
			return 1;
		}
		src.name = o.script;
		src.text = text;
		rc = check_tool_params(text, o.nparams);
		if (rc) {
			free(text);
			free(script_path);
			return rc;
		}
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
	struct cg_opts co = { .out = &dump, .emit_llvm = o.emit_llvm, .faults = o.faults };
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
		out = open_output(o.out_file);
		if (!out) {
			out = stdout;
			goto out;
		}
	}
	struct output output = { .f = out, .format = o.format, .sema = &sema };
	struct run_opts ropts = { .verbose = o.verbose, .quiet = o.quiet, .dry_run = o.dry_run,
				  .pid = o.pid, .cmd = o.cmd, .out = &output };
	rc = run_program(&sema, &ps, &obj, &ropts);
	out_close(&output);
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
	free(script_path);
	return rc;
}
