/* target.c - the traced process: the one -p names, or the -c command,
 * which gotrace starts stopped before exec and lets go once every probe
 * is attached; when it ends, tracing ends. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
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

/* Can execvp() run name? 0 or a negative errno (-ENOENT: not on PATH).
 * Checked before forking, so that a missing command is gotrace's error. */
static int runnable(const char *name)
{
	if (strchr(name, '/'))
		return access(name, X_OK) == 0 ? 0 : -errno;
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		const char *e = strchr(p, ':');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char buf[4096];
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, n ? p : ".", name);
		if (access(buf, X_OK) == 0)
			return 0;
		p += n + (e ? 1 : 0);
	}
	return -ENOENT;
}

/* The child: waits for a byte on go, then becomes the command. */
static void __attribute__((noreturn)) exec_when_told(char **argv, int go)
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
	fprintf(stderr, "gotrace: cannot run '%s': %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* Forks the command, stopped before exec until a byte is written to
 * tg->gofd. */
static int spawn(struct target *tg, const char *cmd, struct failure *f)
{
	char open_quote;
	char **argv = split_command(cmd, &open_quote);
	int fds[2] = { -1, -1 }, err = 0;
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
	if (pipe2(fds, O_CLOEXEC) < 0) {
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
		exec_when_told(argv, fds[0]);
	}
	tg->child = tg->pid = pid;
	tg->gofd = fds[1];
	fds[1] = -1;
out:
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
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

int target_release(struct target *tg, struct failure *f)
{
	if (tg->gofd < 0)
		return 0;
	ssize_t n = write(tg->gofd, "g", 1);
	int err = n == 1 ? 0 : n < 0 ? -errno : -EIO;
	close(tg->gofd);
	tg->gofd = -1;
	return err ? fail(f, err, "cannot start the command") : 0;
}

bool target_gone(struct target *tg)
{
	if (tg->pid == tg->child) {
		int st;
		return waitpid(tg->child, &st, WNOHANG) == tg->child;
	}
	return kill(tg->pid, 0) < 0 && errno == ESRCH;
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
	if (tg->child > 0)
		end_child(tg->child);
	if (tg->pidfd >= 0)
		close(tg->pidfd);
	tg->gofd = tg->pidfd = -1;
	tg->child = tg->pid = 0;
}
