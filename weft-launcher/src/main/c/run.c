#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "launch.h"

static const int FORWARDED[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2};
#define N_FORWARDED (sizeof FORWARDED / sizeof FORWARDED[0])

/* After the child exits, descendants it left behind may hold its pipes open for ever; their
 * output is read for this long, then the step ends without them. */
#define DRAIN_MS 2000
#define SIDECAR_POLL_MS 100

struct stream {
  int in;    /* read end of the child's pipe, -1 once at end of file */
  int own;   /* our own stdout or stderr: the kubelet's log */
  int file;  /* ctr/C/stdout or ctr/C/stderr */
  const char *file_path;
};

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void stream_close(struct stream *s) {
  if (s->in >= 0) close(s->in);
  s->in = -1;
}

/* Reads what is there once; returns 1 if something was read. */
static int pump(struct stream *s) {
  static char buf[65536];
  ssize_t n = read(s->in, buf, sizeof buf);
  if (n < 0) {
    if (errno == EINTR || errno == EAGAIN) return 0;
    record_error("reading the command's output: %s", strerror(errno));
    stream_close(s);
    return 0;
  }
  if (n == 0) {
    stream_close(s);
    return 0;
  }
  /* A log that stops taking output must not stop the file copy, nor the other way round. */
  if (s->own >= 0 && write_all(s->own, buf, (size_t)n) != 0) s->own = -1;
  if (s->file >= 0 && write_all(s->file, buf, (size_t)n) != 0) {
    record_error("writing %s: %s; the rest of it is lost", s->file_path, strerror(errno));
    close(s->file);
    s->file = -1;
  }
  return 1;
}

static int open_log(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) fatal("cannot create %s: %s", path, strerror(errno));
  return fd;
}

static void make_pipe(int p[2]) {
  if (pipe2(p, O_CLOEXEC) != 0) fatal("cannot create a pipe: %s", strerror(errno));
  int fl = fcntl(p[0], F_GETFL);
  if (fl >= 0) fcntl(p[0], F_SETFL, fl | O_NONBLOCK);
}

static void __attribute__((noreturn)) exec_child(char **cmd, int out, int err,
                                                   const sigset_t *mask) {
  if (dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0) _exit(EXIT_LAUNCHER);
  /* Ignored signals survive exec; the command should get the defaults a shell would give it. */
  signal(SIGPIPE, SIG_DFL);
  sigprocmask(SIG_SETMASK, mask, NULL);
  execvp(cmd[0], cmd);
  int e = errno;
  dprintf(STDERR_FILENO, "weft-launch: cannot run %s: %s\n", cmd[0], strerror(e));
  _exit(e == ENOENT || e == ENOTDIR ? 127 : 126);
}

static int all_exited(char **exit_paths, size_t n) {
  struct stat st;
  for (size_t i = 0; i < n; i++)
    if (stat(exit_paths[i], &st) != 0) return 0;
  return 1;
}

struct child {
  pid_t pid;
  int done;
  int status;
};

static void reap(struct child *c) {
  int st;
  pid_t r;
  /* waitpid(-1): as PID 1 of the container we also inherit orphans, and must reap them too. */
  while ((r = waitpid(-1, &st, WNOHANG)) > 0) {
    if (r == c->pid) {
      c->done = 1;
      c->status = st;
      set_fatal_child(0);
    }
  }
}

static void read_signals(int sfd, struct child *c) {
  struct signalfd_siginfo si;
  for (;;) {
    ssize_t n = read(sfd, &si, sizeof si);
    if (n != (ssize_t)sizeof si) {
      if (n < 0 && errno == EINTR) continue;
      return;
    }
    if (si.ssi_signo == SIGCHLD)
      reap(c);
    else if (!c->done)
      kill(c->pid, (int)si.ssi_signo);
  }
}

/* Runs the child to its end, copying its output and forwarding signals; for a sidecar, also stops
 * it once every main has ended. */
static void supervise(const struct run_opts *o, struct child *c, int sfd, struct stream *s,
                      char **main_exits) {
  long long term_at = -1, kill_at = -1, drain_until = -1;
  int killed = 0;
  for (;;) {
    if (c->done && s[0].in < 0 && s[1].in < 0) return;
    long long now = now_ms();
    if (c->done && drain_until < 0) drain_until = now + DRAIN_MS;
    if (c->done && now >= drain_until) return;
    if (o->sidecar && !c->done) {
      if (term_at < 0 && all_exited(main_exits, o->n_mains)) {
        term_at = now;
        kill_at = now + o->grace * 1000;
        kill(c->pid, SIGTERM);
      }
      if (term_at >= 0 && !killed && now >= kill_at) {
        kill(c->pid, SIGKILL);
        killed = 1;
      }
    }
    int timeout = -1;
    if (c->done) {
      timeout = (int)(drain_until - now);
    } else if (o->sidecar) {
      timeout = SIDECAR_POLL_MS;
      if (term_at >= 0 && !killed && kill_at - now < timeout) timeout = (int)(kill_at - now);
    }
    struct pollfd pfd[3];
    struct stream *who[3];
    int n = 0;
    pfd[n] = (struct pollfd){.fd = sfd, .events = POLLIN};
    who[n++] = NULL;
    for (int i = 0; i < 2; i++) {
      if (s[i].in < 0) continue;
      pfd[n] = (struct pollfd){.fd = s[i].in, .events = POLLIN};
      who[n++] = &s[i];
    }
    int r = poll(pfd, (nfds_t)n, timeout);
    if (r < 0) {
      if (errno == EINTR) continue;
      fatal("poll: %s", strerror(errno));
    }
    for (int i = 0; i < n; i++) {
      if (!pfd[i].revents) continue;
      if (who[i])
        pump(who[i]);
      else
        read_signals(sfd, c);
    }
  }
}

int cmd_run(const struct run_opts *o) {
  const char *var = var_dir();
  char *ctr = xasprintf("%s/ctr", var);
  char *dir = xasprintf("%s/ctr/%s", var, o->name);
  const char *failed = mkdirs(var, 0755) != 0           ? var
                       : ensure_shared_dir(ctr) != 0        ? ctr
                       : mkdir(dir, 0755) && errno != EEXIST ? dir
                                                             : NULL;
  if (failed) {
    msg("cannot create %s: %s", failed, strerror(errno));
    return EXIT_LAUNCHER;
  }
  /* Everything below is opened by path, so the directory itself must not lead elsewhere. */
  struct stat st;
  if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
    msg("%s is not a directory", dir);
    return EXIT_LAUNCHER;
  }
  char *started = xasprintf("%s/started", dir);
  int fd = open(started, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == EEXIST)
      msg("container %s was already started once (%s exists); a step must never run twice, "
          "so it is not started again",
          o->name, started);
    else
      msg("cannot create %s: %s", started, strerror(errno));
    return EXIT_LAUNCHER;
  }
  close(fd);
  arm_fatal_exit(xasprintf("%s/error", dir), xasprintf("%s/exit.tmp", dir),
                 xasprintf("%s/exit", dir));

  /* A containerSet member starts once the members it depends on ended; if one failed, it does
   * not run and ends with that member's code. */
  for (size_t i = 0; i < o->n_after; i++) {
    char *dep = xasprintf("%s/ctr/%s/exit", var, o->after[i]);
    struct timespec nap = {0, 50 * 1000 * 1000};
    while (access(dep, F_OK) != 0) nanosleep(&nap, NULL);
    int dep_code = read_exit_file(dep);
    free(dep);
    if (dep_code != 0) {
      msg("not run: %s, which it depends on, failed (exit code %d)", o->after[i], dep_code);
      if (write_exit_file(dep_code) != 0) return EXIT_LAUNCHER;
      return dep_code;
    }
  }
  char **main_exits = xcalloc(o->n_mains, sizeof *main_exits);
  for (size_t i = 0; i < o->n_mains; i++)
    main_exits[i] = xasprintf("%s/ctr/%s/exit", var, o->mains[i]);
  char *out_path = xasprintf("%s/stdout", dir), *err_path = xasprintf("%s/stderr", dir);
  struct stream s[2] = {
      {.own = STDOUT_FILENO, .file = open_log(out_path), .file_path = out_path},
      {.own = STDERR_FILENO, .file = open_log(err_path), .file_path = err_path},
  };
  int out_pipe[2], err_pipe[2];
  make_pipe(out_pipe);
  make_pipe(err_pipe);
  s[0].in = out_pipe[0];
  s[1].in = err_pipe[0];

  /* Blocked signals queue even for PID 1, which drops signals it has no handler for, and
   * signalfd lets the poll loop see them with no handler racing it. */
  sigset_t set, old;
  sigemptyset(&set);
  for (size_t i = 0; i < N_FORWARDED; i++) sigaddset(&set, FORWARDED[i]);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, &old);
  int sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
  if (sfd < 0) fatal("signalfd: %s", strerror(errno));
  /* Our log may be a closed pipe; that must be an error we see, not our death. */
  signal(SIGPIPE, SIG_IGN);
  /* An inherited SIG_IGN for SIGCHLD would have the kernel reap the child, and its exit code
   * would be lost. */
  signal(SIGCHLD, SIG_DFL);

  struct child c = {0};
  c.pid = fork();
  if (c.pid < 0) fatal("cannot start %s: fork: %s", o->cmd[0], strerror(errno));
  if (c.pid == 0) exec_child(o->cmd, out_pipe[1], err_pipe[1], &old);
  set_fatal_child(c.pid);
  close(out_pipe[1]);
  close(err_pipe[1]);

  supervise(o, &c, sfd, s, main_exits);
  for (int i = 0; i < 2; i++) {
    /* Whatever is already in the pipe when we stop waiting is still the step's output. */
    for (int k = 0; k < 64 && s[i].in >= 0 && pump(&s[i]);) k++;
    stream_close(&s[i]);
    if (s[i].file >= 0 && close(s[i].file) != 0)
      record_error("writing %s: %s", s[i].file_path, strerror(errno));
  }
  int code = WIFSIGNALED(c.status) ? 128 + WTERMSIG(c.status) : WEXITSTATUS(c.status);
  if (!o->sidecar) copy_outputs(var, dir, o);
  if (write_exit_file(code) != 0) return EXIT_LAUNCHER;
  return code;
}
