/* target.c - the traced process: the one -p names, or the -c command,
 * which gotrace starts stopped before exec and lets go once every probe
 * is attached; when it ends, tracing ends, and how it ended is said
 * (target_say_end). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/tracer.h"

/* Splits a command line on blanks; '...' and "..." group words. */
static char **split_command(const char *cmd, char *open_quote)
{
	VEC(char *) argv = { 0 };
	struct strbuf w;
	sb_init(&w);
	bool inword = false;
	char quote = 0;
	for (const char *p = cmd;; p++) {
		char c = *p;
		if (!c || (!quote && (c == ' ' || c == '\t'))) {
			if (inword) {
				vec_push(&argv, sb_steal(&w));
				inword = false;
			}
			if (!c)
				break;
			continue;
		}
		inword = true;
		if (quote) {
			if (c == quote)
				quote = 0;
			else
				sb_putc(&w, c);
		} else if (c == '\'' || c == '"') {
			quote = c;
		} else if (c == '\\' && p[1]) {
			sb_putc(&w, *++p);
		} else {
			sb_putc(&w, c);
		}
	}
	vec_push(&argv, NULL);
	sb_free(&w);
	*open_quote = quote;
	return argv.v;
}

static void free_argv(char **argv)
{
	for (char **a = argv; *a; a++)
		free(*a);
	free(argv);
}

/* Is path a file execve() may run? 0, or a negative errno: -EISDIR for
 * a directory (which access(X_OK) lets through), -EACCES for another file
 * that is not a regular one. */
static int executable(const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return -errno;
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	if (!S_ISREG(st.st_mode))
		return -EACCES;
	return access(path, X_OK) == 0 ? 0 : -errno;
}

/* Can execvp() run name? 0 or a negative errno (-ENOENT: not on PATH).
 * Checked before forking, so that a missing command is gotrace's error.
 * Like execvp, the PATH search passes over directories and files it may
 * not run. */
static int runnable(const char *name)
{
	if (strchr(name, '/'))
		return executable(name);
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		const char *e = strchr(p, ':');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char buf[4096];
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, n ? p : ".", name);
		if (executable(buf) == 0)
			return 0;
		p += n + (e ? 1 : 0);
	}
	return -ENOENT;
}

/* The child: waits for a byte on go, then becomes the command; when exec
 * fails, its errno goes to gotrace through `failed` (closed on exec). */
static void __attribute__((noreturn)) exec_when_told(char **argv, int go, int failed)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	prctl(PR_SET_PDEATHSIG, SIGTERM); /* gotrace gone: so is the command */
	char c;
	if (read(go, &c, 1) != 1)
		_exit(127); /* gotrace failed before letting it run */
	execvp(argv[0], argv);
	int e = errno;
	if (write(failed, &e, sizeof(e)) != sizeof(e))
		fprintf(stderr, "gotrace: -c: cannot run '%s': %s\n", argv[0], strerror(e));
	_exit(127);
}

/* Forks the command, stopped before exec until a byte is written to
 * tg->gofd. */
static int spawn(struct target *tg, const char *cmd, struct failure *f)
{
	char open_quote;
	char **argv = split_command(cmd, &open_quote);
	int fds[2] = { -1, -1 }, efds[2] = { -1, -1 }, err = 0;
	if (open_quote) {
		fprintf(stderr, "gotrace: -c: the %c quote in '%s' is not closed\n", open_quote, cmd);
		err = -ERR_SAID;
		goto out;
	}
	if (!argv[0]) {
		fprintf(stderr, "gotrace: -c: empty command\n");
		err = -ERR_SAID;
		goto out;
	}
	err = runnable(argv[0]);
	if (err == -ENOENT && !strchr(argv[0], '/')) {
		fprintf(stderr, "gotrace: -c: cannot run '%s': not found on PATH\n", argv[0]);
		err = -ERR_SAID;
		goto out;
	}
	if (err) {
		fail(f, err, "-c: cannot run '%s'", argv[0]);
		goto out;
	}
	if (pipe2(fds, O_CLOEXEC) < 0 || pipe2(efds, O_CLOEXEC) < 0) {
		err = fail(f, -errno, "cannot start '%s'", argv[0]);
		goto out;
	}
	pid_t pid = fork();
	if (pid < 0) {
		err = fail(f, -errno, "cannot start '%s'", argv[0]);
		goto out;
	}
	if (pid == 0) {
		close(fds[1]);
		close(efds[0]);
		exec_when_told(argv, fds[0], efds[1]);
	}
	tg->child = tg->pid = pid;
	tg->gofd = fds[1];
	tg->execfd = efds[0];
	tg->argv0 = xstrdup(argv[0]);
	fds[1] = efds[0] = -1;
out:
	for (int i = 0; i < 2; i++) {
		if (fds[i] >= 0)
			close(fds[i]);
		if (efds[i] >= 0)
			close(efds[i]);
	}
	free_argv(argv);
	return err;
}

/* A descriptor that becomes readable when pid ends; -1 where the kernel
 * has no pidfd_open (Linux < 5.3): then the loop polls. */
static int watch_end(struct target *tg, struct failure *f)
{
	tg->pidfd = (int)syscall(SYS_pidfd_open, tg->pid, 0);
	if (tg->pidfd >= 0 || errno == ENOSYS)
		return 0;
	if (errno == ESRCH)
		return fail(f, -ESRCH, "-p %d", (int)tg->pid);
	return fail(f, -errno, "cannot watch process %d", (int)tg->pid);
}

int target_start(struct target *tg, const struct run_opts *o, struct failure *f)
{
	if (o->pid > 0) {
		if (kill(o->pid, 0) < 0 && errno == ESRCH)
			return fail(f, -ESRCH, "-p %d", (int)o->pid);
		tg->pid = o->pid;
		return watch_end(tg, f);
	}
	if (o->cmd) {
		int err = spawn(tg, o->cmd, f);
		return err ?: watch_end(tg, f);
	}
	return 0;
}

/* Lets the command go, and waits until it has become the command (the
 * exec pipe closes) or could not (its errno comes through the pipe). */
int target_release(struct target *tg, struct failure *f)
{
	if (tg->gofd < 0)
		return 0;
	ssize_t n = write(tg->gofd, "g", 1);
	int err = n == 1 ? 0 : n < 0 ? -errno : -EIO;
	close(tg->gofd);
	tg->gofd = -1;
	if (err)
		return fail(f, err, "cannot start the command");
	int e = 0;
	do
		n = read(tg->execfd, &e, sizeof(e));
	while (n < 0 && errno == EINTR);
	close(tg->execfd);
	tg->execfd = -1;
	if (n == sizeof(e) && e > 0) {
		/* the child has exited (127): collected here, not reported */
		waitpid(tg->child, NULL, 0);
		tg->child = 0;
		/* ENOENT for a file that is there: its #! or ELF interpreter */
		if (e == ENOENT && strchr(tg->argv0, '/') && access(tg->argv0, F_OK) == 0) {
			fprintf(stderr, "gotrace: -c: cannot run '%s': %s (its interpreter or loader is missing)\n",
				tg->argv0, strerror(e));
			return -ERR_SAID;
		}
		return fail(f, -e, "-c: cannot run '%s'", tg->argv0);
	}
	return 0;
}

/* --- how the traced process ended ------------------------------------------ */

/* struct pidfd_info of <linux/pidfd.h> (Linux 6.13; the exit code 6.15),
 * newer than this system's headers. */
struct pidfd_info_v1 {
	uint64_t mask;
	uint64_t cgroupid;
	uint32_t pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
	int32_t exit_code;
	uint32_t coredump_mask;
	uint32_t spare;
};
#define PIDFD_GET_INFO_ _IOWR(0xFF, 11, struct pidfd_info_v1)
#define PIDFD_INFO_EXIT_ (1ull << 3)

/* Does the pidfd's process still exist (running, or a zombie not yet
 * collected by its parent)? 1, 0, or -1 when the kernel cannot say. */
static int pidfd_alive(int pidfd)
{
	struct pidfd_info_v1 in = { 0 };
	if (ioctl(pidfd, PIDFD_GET_INFO_, &in) == 0)
		return 1;
	if (errno == ESRCH)
		return 0;
	/* before PIDFD_GET_INFO: fdinfo's "Pid:" is -1 once it is gone */
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", pidfd);
	char *buf = read_file(path, NULL);
	const char *p = buf ? strstr(buf, "\nPid:") : NULL;
	int alive = p ? atoi(p + 5) > 0 : -1;
	free(buf);
	return alive;
}

/* The wait status of a zombie from /proc/PID/stat (field 52, exit_code),
 * or -1 when the process is not a zombie. */
static int zombie_status(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	char *buf = read_file(path, NULL);
	char *p = buf ? strrchr(buf, ')') : NULL;
	int status = -1;
	if (p && p[1] == ' ' && (p[2] == 'Z' || p[2] == 'X')) {
		/* field 3 is the state; the exit code is field 52, the last */
		int field = 2;
		for (char *save = NULL, *w = strtok_r(p + 1, " \n", &save); w;
		     w = strtok_r(NULL, " \n", &save))
			if (++field == 52)
				status = atoi(w);
	}
	free(buf);
	return status;
}

/* -p's process has ended: its wait status, from the kernel's record of it
 * once its parent has collected it (PIDFD_GET_INFO, Linux 6.15), or from
 * /proc/PID/stat while it is a zombie (the pidfd then tells that PID is
 * still that process). 0, or -ENOENT when neither can tell. */
static int pid_status(struct target *tg, int *status)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		struct pidfd_info_v1 in = { .mask = PIDFD_INFO_EXIT_ };
		if (ioctl(tg->pidfd, PIDFD_GET_INFO_, &in) == 0 && (in.mask & PIDFD_INFO_EXIT_)) {
			*status = in.exit_code;
			return 0;
		}
		int st = zombie_status(tg->pid);
		if (st >= 0 && pidfd_alive(tg->pidfd) == 1) {
			*status = st;
			return 0;
		}
		/* collected meanwhile: the kernel's record has it now */
	}
	return -ENOENT;
}

/* The traced process has ended: how, as far as it can be known. */
static void target_collect(struct target *tg)
{
	tg->ended = true;
	if (tg->child > 0) {
		int st;
		if (waitpid(tg->child, &st, 0) == tg->child) {
			tg->status = st;
			tg->status_known = true;
			tg->child = 0;
		}
	} else if (tg->pidfd >= 0) {
		tg->status_known = pid_status(tg, &tg->status) == 0;
	}
}

void target_ended(struct target *tg)
{
	if (!tg->ended)
		target_collect(tg);
}

bool target_gone(struct target *tg)
{
	if (tg->pid == tg->child) {
		int st;
		if (waitpid(tg->child, &st, WNOHANG) != tg->child)
			return false;
		tg->ended = tg->status_known = true;
		tg->status = st;
		tg->child = 0;
		return true;
	}
	if (kill(tg->pid, 0) < 0 && errno == ESRCH) {
		tg->ended = true; /* without a pidfd: status unknown */
		return true;
	}
	return false;
}

/* "SIGSEGV", or "signal 40" for a real-time signal. */
static void signal_name(int sig, char *buf, size_t len)
{
	const char *abbrev = sigabbrev_np(sig);
	if (abbrev)
		snprintf(buf, len, "SIG%s", abbrev);
	else
		snprintf(buf, len, "signal %d", sig);
}

int target_say_end(const struct target *tg)
{
	if (!tg->ended)
		return 0;
	if (!tg->status_known) {
		fprintf(stderr, "gotrace: the traced program has exited (how, the kernel no longer tells)\n");
		return 0;
	}
	int st = tg->status;
	if (WIFSIGNALED(st)) {
		char name[32];
		signal_name(WTERMSIG(st), name, sizeof(name));
		fprintf(stderr, "gotrace: the traced program was killed by %s%s\n", name,
			WCOREDUMP(st) ? " (core dumped)" : "");
		return 128 + WTERMSIG(st);
	}
	if (WIFEXITED(st) && WEXITSTATUS(st)) {
		fprintf(stderr, "gotrace: the traced program exited with status %d\n", WEXITSTATUS(st));
		return WEXITSTATUS(st);
	}
	return 0;
}

/* The command is still running when tracing ends (exit(), Ctrl-C): ask
 * it to stop, and after a second insist. */
static void end_child(pid_t child)
{
	int st;
	if (waitpid(child, &st, WNOHANG) != 0)
		return;
	kill(child, SIGTERM);
	for (int i = 0; i < 100; i++) {
		if (waitpid(child, &st, WNOHANG) != 0)
			return;
		usleep(10000);
	}
	kill(child, SIGKILL);
	waitpid(child, &st, 0);
}

void target_close(struct target *tg)
{
	/* the command not let go reads EOF and exits */
	if (tg->gofd >= 0)
		close(tg->gofd);
	if (tg->execfd >= 0)
		close(tg->execfd);
	if (tg->child > 0)
		end_child(tg->child);
	if (tg->pidfd >= 0)
		close(tg->pidfd);
	free(tg->argv0);
	tg->argv0 = NULL;
	tg->gofd = tg->execfd = tg->pidfd = -1;
	tg->child = tg->pid = 0;
}
