#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "launch.h"

static void vmsg(const char *fmt, va_list ap) {
  char *text = NULL;
  if (vasprintf(&text, fmt, ap) < 0) text = NULL;
  const char *shown = text ? text : "(out of memory formatting a message)";
  /* One write per line, so the line is not interleaved with the child's stderr in the kubelet log. */
  char *line = NULL;
  if (asprintf(&line, "weft-launch: %s\n", shown) >= 0) {
    (void)write_all(STDERR_FILENO, line, strlen(line));
    free(line);
  }
  free(text);
}

void msg(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmsg(fmt, ap);
  va_end(ap);
}

void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) fatal("out of memory");
  return p;
}

char *xasprintf(const char *fmt, ...) {
  va_list ap;
  char *s = NULL;
  va_start(ap, fmt);
  int r = vasprintf(&s, fmt, ap);
  va_end(ap);
  if (r < 0) fatal("out of memory");
  return s;
}

int write_all(int fd, const void *buf, size_t len) {
  const char *p = buf;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      /* Someone may have handed us a non-blocking descriptor; wait rather than drop output. */
      if (errno == EAGAIN) {
        struct pollfd pfd = {.fd = fd, .events = POLLOUT};
        if (poll(&pfd, 1, -1) < 0 && errno != EINTR) return -1;
        continue;
      }
      return -1;
    }
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

int copy_fd(int in, int out) {
  static char buf[65536];
  for (;;) {
    ssize_t n = read(in, buf, sizeof buf);
    if (n == 0) return 0;
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (write_all(out, buf, (size_t)n) != 0) return -1;
  }
}

int mkdirs(const char *path, mode_t mode) {
  char *p = strdup(path);
  if (!p) fatal("out of memory");
  for (char *s = p + 1; *s; s++) {
    if (*s != '/') continue;
    *s = '\0';
    if (mkdir(p, mode) != 0 && errno != EEXIST) {
      int e = errno;
      free(p);
      errno = e;
      return -1;
    }
    *s = '/';
  }
  int r = mkdir(p, mode);
  int e = errno;
  free(p);
  if (r != 0 && e != EEXIST) {
    errno = e;
    return -1;
  }
  return 0;
}

/* The pod's containers may run as different uids, and each must be able to add its own entry
 * here, so a directory we create is world-writable with the sticky bit, as /tmp is. */
int ensure_shared_dir(const char *path) {
  if (mkdir(path, 0777) == 0) return chmod(path, 01777);
  if (errno != EEXIST) return -1;
  struct stat st;
  if (stat(path, &st) != 0) return -1;
  if (!S_ISDIR(st.st_mode)) {
    errno = ENOTDIR;
    return -1;
  }
  return 0;
}

int write_file_atomic(const char *tmp, const char *path, const void *data, size_t len, mode_t mode) {
  (void)unlink(tmp);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return -1;
  /* fchmod because the umask would otherwise decide the mode readers see. */
  if (write_all(fd, data, len) != 0 || fchmod(fd, mode) != 0 || fsync(fd) != 0) {
    int e = errno;
    close(fd);
    unlink(tmp);
    errno = e;
    return -1;
  }
  if (close(fd) != 0 || rename(tmp, path) != 0) {
    int e = errno;
    unlink(tmp);
    errno = e;
    return -1;
  }
  return 0;
}

const char *var_dir(void) {
  const char *v = getenv("WEFT_VAR");
  return v && *v ? v : "/var/run/weft";
}

int safe_component(const char *s) {
  return s && *s && !strchr(s, '/') && strcmp(s, ".") != 0 && strcmp(s, "..") != 0;
}

static const char *g_error_path;
static const char *g_exit_tmp;
static const char *g_exit_path;
static pid_t g_child;
static int g_errors;
static int g_in_fatal;

void arm_fatal_exit(const char *error_path, const char *exit_tmp, const char *exit_path) {
  g_error_path = error_path;
  g_exit_tmp = exit_tmp;
  g_exit_path = exit_path;
}

void set_fatal_child(pid_t pid) { g_child = pid; }

int errors_recorded(void) { return g_errors; }

static void append_error(const char *text) {
  if (!g_error_path) return;
  int fd = open(g_error_path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    msg("cannot record the error in %s: %s", g_error_path, strerror(errno));
    return;
  }
  char *line = NULL;
  if (asprintf(&line, "%s\n", text) >= 0) {
    if (write_all(fd, line, strlen(line)) != 0)
      msg("cannot record the error in %s: %s", g_error_path, strerror(errno));
    free(line);
  }
  close(fd);
}

static void vrecord(const char *fmt, va_list ap) {
  char *text = NULL;
  if (vasprintf(&text, fmt, ap) < 0) text = NULL;
  const char *shown = text ? text : "(out of memory formatting an error)";
  g_errors++;
  msg("%s", shown);
  append_error(shown);
  free(text);
}

void record_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vrecord(fmt, ap);
  va_end(ap);
}

int write_exit_file(int code) {
  char text[16];
  int n = snprintf(text, sizeof text, "%d", code);
  if (write_file_atomic(g_exit_tmp, g_exit_path, text, (size_t)n, 0644) != 0) {
    msg("cannot write %s: %s", g_exit_path, strerror(errno));
    return -1;
  }
  return 0;
}

/* Once the container is marked started it can never run again, so a launcher failure after that
 * still ends it properly: the error recorded, the child gone, and an exit file for whoever waits. */
void fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (g_exit_path && !g_in_fatal) {
    g_in_fatal = 1;
    vrecord(fmt, ap);
    if (g_child > 0) kill(g_child, SIGKILL);
    (void)write_exit_file(EXIT_LAUNCHER);
  } else {
    vmsg(fmt, ap);
  }
  va_end(ap);
  _exit(EXIT_LAUNCHER);
}

/* The code in another container's exit file (written whole by rename); 1 if unreadable. */
int read_exit_file(const char *path) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return 1;
  char buf[32];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return 1;
  buf[n] = 0;
  char *end;
  long v = strtol(buf, &end, 10);
  return (end == buf || v < 0 || v > 255) ? 1 : (int)v;
}
