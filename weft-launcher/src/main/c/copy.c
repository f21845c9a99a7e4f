#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "launch.h"

/* A missing output is the controller's to judge (it knows which are optional), not an error. */
static int missing(int e) { return e == ENOENT || e == ENOTDIR; }

static void copy_param(const char *staging, const char *params_dir, const struct output *o) {
  /* O_NOFOLLOW: the step names a file; a symbolic link in its place may point anywhere.
   * O_NONBLOCK: so a FIFO there cannot hang us before fstat sees it is not a file. */
  int in = open(o->path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (in < 0) {
    if (missing(errno)) return;
    if (errno == ELOOP)
      record_error("output parameter %s: %s is a symbolic link; it is not followed", o->name,
                   o->path);
    else
      record_error("output parameter %s: cannot open %s: %s", o->name, o->path, strerror(errno));
    return;
  }
  struct stat st;
  char *buf = NULL;
  size_t len = 0;
  if (fstat(in, &st) != 0) {
    record_error("output parameter %s: %s: %s", o->name, o->path, strerror(errno));
    goto out;
  }
  if (!S_ISREG(st.st_mode)) {
    record_error("output parameter %s: %s is not a regular file", o->name, o->path);
    goto out;
  }
  if (st.st_size > PARAM_MAX) {
    record_error("output parameter %s: %s is %lld bytes, more than the limit of %d", o->name,
                 o->path, (long long)st.st_size, PARAM_MAX);
    goto out;
  }
  /* Read one byte past the limit: the file may have grown since fstat. */
  buf = xcalloc(PARAM_MAX + 1, 1);
  for (;;) {
    ssize_t n = read(in, buf + len, PARAM_MAX + 1 - len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      record_error("output parameter %s: reading %s: %s", o->name, o->path, strerror(errno));
      goto out;
    }
    if (n == 0) break;
    len += (size_t)n;
    if (len > PARAM_MAX) {
      record_error("output parameter %s: %s is more than the limit of %d bytes", o->name, o->path,
                   PARAM_MAX);
      goto out;
    }
  }
  char *tmp = xasprintf("%s/param.%s", staging, o->name);
  char *dest = xasprintf("%s/%s", params_dir, o->name);
  if (write_file_atomic(tmp, dest, buf, len, 0644) != 0)
    record_error("output parameter %s: cannot write %s: %s", o->name, dest, strerror(errno));
  free(tmp);
  free(dest);
out:
  free(buf);
  close(in);
}

/* Modes are kept but set-id and sticky bits are not: the copy belongs to whoever collects it. */
#define KEPT_MODE 0777

static int copy_tree(int sdir, const char *sname, int ddir, const char *dname, const char *shown);

static char *read_link(int dir, const char *name) {
  for (size_t cap = 256;; cap *= 2) {
    char *buf = xcalloc(cap, 1);
    ssize_t n = readlinkat(dir, name, buf, cap);
    if (n < 0) {
      free(buf);
      return NULL;
    }
    if ((size_t)n < cap) return buf;
    free(buf);
  }
}

static int copy_file(int sdir, const char *sname, int ddir, const char *dname, const char *shown,
                     const struct stat *st) {
  int in = openat(sdir, sname, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (in < 0) {
    record_error("artifact: cannot open %s: %s", shown, strerror(errno));
    return -1;
  }
  struct stat now;
  if (fstat(in, &now) != 0 || !S_ISREG(now.st_mode) || now.st_ino != st->st_ino ||
      now.st_dev != st->st_dev) {
    record_error("artifact: %s changed while it was being copied", shown);
    close(in);
    return -1;
  }
  int out = openat(ddir, dname, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (out < 0) {
    record_error("artifact: cannot create a copy of %s: %s", shown, strerror(errno));
    close(in);
    return -1;
  }
  int r = 0;
  if (copy_fd(in, out) != 0 || fchmod(out, st->st_mode & KEPT_MODE) != 0) {
    record_error("artifact: copying %s: %s", shown, strerror(errno));
    r = -1;
  }
  if (close(out) != 0 && r == 0) {
    record_error("artifact: copying %s: %s", shown, strerror(errno));
    r = -1;
  }
  close(in);
  return r;
}

/* Lists a directory before recursing into it, so each level holds two descriptors, not three. */
static char **list_dir(int dir, size_t *count) {
  int fd = dup(dir);
  DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
  if (!d) {
    if (fd >= 0) close(fd);
    return NULL;
  }
  size_t n = 0, cap = 16;
  char **names = xcalloc(cap, sizeof *names);
  struct dirent *e;
  errno = 0;
  while ((e = readdir(d)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    if (n == cap) {
      cap *= 2;
      char **more = realloc(names, cap * sizeof *names);
      if (!more) fatal("out of memory");
      names = more;
    }
    names[n] = strdup(e->d_name);
    if (!names[n]) fatal("out of memory");
    n++;
  }
  int e2 = errno;
  closedir(d);
  if (e2) {
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    errno = e2;
    return NULL;
  }
  *count = n;
  return names;
}

/* Fills ddir from sdir; the caller sets ddir's own mode afterwards, so a read-only directory
 * can still be filled. */
static int copy_dir_contents(int sdir, int ddir, const char *shown) {
  size_t n = 0;
  char **names = list_dir(sdir, &n);
  if (!names) {
    record_error("artifact: cannot list %s: %s", shown, strerror(errno));
    return -1;
  }
  int r = 0;
  for (size_t i = 0; i < n; i++) {
    char *sub = xasprintf("%s/%s", shown, names[i]);
    if (copy_tree(sdir, names[i], ddir, names[i], sub) < 0) r = -1;
    free(sub);
    free(names[i]);
  }
  free(names);
  return r;
}

/* Opens sdir/sname as a directory and creates ddir/dname for it; both descriptors or -1. */
static int open_dir_pair(int sdir, const char *sname, int ddir, const char *dname,
                         const char *shown, int fds[2]) {
  fds[0] = openat(sdir, sname, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fds[0] < 0) {
    record_error("artifact: cannot open %s: %s", shown, strerror(errno));
    return -1;
  }
  if (mkdirat(ddir, dname, 0700) != 0 ||
      (fds[1] = openat(ddir, dname, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
    record_error("artifact: cannot create a copy of %s: %s", shown, strerror(errno));
    close(fds[0]);
    return -1;
  }
  return 0;
}

/* Returns 1 if something was created, 0 if the entry was skipped, -1 on an error (recorded). */
static int copy_tree(int sdir, const char *sname, int ddir, const char *dname, const char *shown) {
  struct stat st;
  if (fstatat(sdir, sname, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    record_error("artifact: %s: %s", shown, strerror(errno));
    return -1;
  }
  if (S_ISLNK(st.st_mode)) {
    char *target = read_link(sdir, sname);
    if (!target || symlinkat(target, ddir, dname) != 0) {
      record_error("artifact: copying the symbolic link %s: %s", shown, strerror(errno));
      free(target);
      return -1;
    }
    free(target);
    return 1;
  }
  if (S_ISREG(st.st_mode)) return copy_file(sdir, sname, ddir, dname, shown, &st) ? -1 : 1;
  if (!S_ISDIR(st.st_mode)) return 0; /* sockets, devices and FIFOs have no content to keep */
  int fds[2];
  if (open_dir_pair(sdir, sname, ddir, dname, shown, fds) != 0) return -1;
  int r = copy_dir_contents(fds[0], fds[1], shown);
  if (fchmod(fds[1], st.st_mode & KEPT_MODE) != 0) {
    record_error("artifact: setting the mode of the copy of %s: %s", shown, strerror(errno));
    r = -1;
  }
  close(fds[0]);
  close(fds[1]);
  return r < 0 ? -1 : 1;
}

static void copy_artifact(int staging, const char *staging_path, const char *artifacts_dir,
                          const struct output *o) {
  struct stat st;
  if (fstatat(AT_FDCWD, o->path, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (missing(errno)) return;
    record_error("artifact %s: %s: %s", o->name, o->path, strerror(errno));
    return;
  }
  char *tmp_name = xasprintf("artifact.%s", o->name);
  char *tmp = xasprintf("%s/%s", staging_path, tmp_name);
  char *dest = xasprintf("%s/%s", artifacts_dir, o->name);
  int created;
  int fds[2] = {-1, -1};
  if (S_ISDIR(st.st_mode)) {
    /* The tree is built aside and renamed into place whole; the root's mode is set only after the
     * rename, since moving a directory we may not write to would be refused. */
    created = open_dir_pair(AT_FDCWD, o->path, staging, tmp_name, o->path, fds) == 0 ? 1 : -1;
    if (created > 0) (void)copy_dir_contents(fds[0], fds[1], o->path);
  } else {
    created = copy_tree(AT_FDCWD, o->path, staging, tmp_name, o->path);
  }
  if (created > 0 && rename(tmp, dest) != 0)
    record_error("artifact %s: cannot move the copy to %s: %s", o->name, dest, strerror(errno));
  if (fds[1] >= 0 && fchmod(fds[1], st.st_mode & KEPT_MODE) != 0)
    record_error("artifact %s: setting the mode of %s: %s", o->name, dest, strerror(errno));
  if (fds[0] >= 0) close(fds[0]);
  if (fds[1] >= 0) close(fds[1]);
  free(tmp_name);
  free(tmp);
  free(dest);
}

void copy_outputs(const char *var, const char *ctr_dir, const struct run_opts *o) {
  if (!o->n_params && !o->n_artifacts) return;
  /* A deep tree needs two descriptors a level; take all the kernel allows us. */
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    (void)setrlimit(RLIMIT_NOFILE, &rl);
  }
  /* Copies are staged in ctr/C, which is on the same filesystem as outputs/, so every output
   * appears by one rename and a reader never sees half of one. */
  char *staging_path = xasprintf("%s/staging", ctr_dir);
  char *outputs = xasprintf("%s/outputs", var);
  char *params = xasprintf("%s/outputs/params", var);
  char *artifacts = xasprintf("%s/outputs/artifacts", var);
  if (mkdir(staging_path, 0700) != 0 && errno != EEXIST)
    fatal("cannot create %s: %s", staging_path, strerror(errno));
  int staging = open(staging_path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (staging < 0) fatal("cannot open %s: %s", staging_path, strerror(errno));
  if (ensure_shared_dir(outputs) != 0 || (o->n_params && ensure_shared_dir(params) != 0) ||
      (o->n_artifacts && ensure_shared_dir(artifacts) != 0))
    fatal("cannot create the output directories under %s: %s", outputs, strerror(errno));
  for (size_t i = 0; i < o->n_params; i++) copy_param(staging_path, params, &o->params[i]);
  for (size_t i = 0; i < o->n_artifacts; i++)
    copy_artifact(staging, staging_path, artifacts, &o->artifacts[i]);
  close(staging);
  (void)rmdir(staging_path);
  free(staging_path);
  free(outputs);
  free(params);
  free(artifacts);
}
