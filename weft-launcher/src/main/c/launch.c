#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "launch.h"

static const char USAGE[] =
    "usage: weft-launch install DIR\n"
    "       weft-launch run --name C [--sidecar] [--main NAME]... [--grace SECONDS]\n"
    "                       [--after NAME]...\n"
    "                       [--param NAME=PATH]... [--artifact NAME=PATH]... -- CMD [ARGS...]\n";

static void __attribute__((noreturn, format(printf, 1, 2))) usage_error(const char *fmt, ...);

static void usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *text = NULL;
  if (vasprintf(&text, fmt, ap) < 0) text = NULL;
  va_end(ap);
  msg("%s", text ? text : "bad arguments");
  (void)write_all(STDERR_FILENO, USAGE, sizeof USAGE - 1);
  _exit(EXIT_LAUNCHER);
}

/* Copies via a temporary name in the same directory so a reader never sees half a binary. */
static int install_file(const char *dir, const char *name, int in, const void *data, size_t len,
                        mode_t mode) {
  char *tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
  char *dest = xasprintf("%s/%s", dir, name);
  int out = mkostemp(tmp, O_CLOEXEC);
  if (out < 0) {
    msg("cannot create a file in %s: %s", dir, strerror(errno));
    return -1;
  }
  int r = in >= 0 ? copy_fd(in, out) : write_all(out, data, len);
  if (r != 0 || fchmod(out, mode) != 0 || fsync(out) != 0) {
    msg("cannot write %s: %s", tmp, strerror(errno));
    close(out);
    unlink(tmp);
    return -1;
  }
  if (close(out) != 0 || rename(tmp, dest) != 0) {
    msg("cannot write %s: %s", dest, strerror(errno));
    unlink(tmp);
    return -1;
  }
  free(tmp);
  free(dest);
  return 0;
}

static int cmd_install(int argc, char **argv) {
  if (argc != 1) usage_error("install takes exactly one argument, DIR");
  const char *dir = argv[0];
  if (!*dir) usage_error("install: DIR is empty");
  if (mkdirs(dir, 0755) != 0) {
    msg("cannot create %s: %s", dir, strerror(errno));
    return EXIT_LAUNCHER;
  }
  int self = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (self < 0) {
    msg("cannot open /proc/self/exe (is /proc mounted?): %s", strerror(errno));
    return EXIT_LAUNCHER;
  }
  int r = install_file(dir, "launch", self, NULL, 0, 0755);
  close(self);
  if (r != 0) return EXIT_LAUNCHER;

  const char *script = getenv("WEFT_SCRIPT");
  if (!script) return 0;
  const char *path = getenv("WEFT_SCRIPT_PATH");
  if (!path || !*path) path = "/argo/staging/script";
  const char *slash = strrchr(path, '/');
  if (slash && !slash[1]) {
    msg("WEFT_SCRIPT_PATH %s names a directory, not a file", path);
    return EXIT_LAUNCHER;
  }
  char *parent = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
  if (!parent) fatal("out of memory");
  if (!*parent) {
    free(parent);
    parent = strdup("/");
    if (!parent) fatal("out of memory");
  }
  if (mkdirs(parent, 0755) != 0) {
    msg("cannot create %s: %s", parent, strerror(errno));
    return EXIT_LAUNCHER;
  }
  const char *base = slash ? slash + 1 : path;
  /* executable, as Argo stages it: `command: [sh, -c]` runs the path itself */
  if (install_file(parent, base, -1, script, strlen(script), 0755) != 0) return EXIT_LAUNCHER;
  free(parent);
  return 0;
}

static void parse_output(const char *opt, const char *arg, struct output *list, size_t *n) {
  const char *eq = strchr(arg, '=');
  if (!eq) usage_error("%s wants NAME=PATH, not '%s'", opt, arg);
  char *name = strndup(arg, (size_t)(eq - arg));
  if (!name) fatal("out of memory");
  if (!safe_component(name))
    usage_error("%s name '%s' must be one path component (not empty, '.', '..', no '/')", opt, name);
  if (!eq[1]) usage_error("%s %s: PATH is empty", opt, name);
  for (size_t i = 0; i < *n; i++)
    if (strcmp(list[i].name, name) == 0) usage_error("%s %s given twice", opt, name);
  list[*n].name = name;
  list[*n].path = eq + 1;
  (*n)++;
}

static long parse_grace(const char *s) {
  char *end = NULL;
  errno = 0;
  long v = strtol(s, &end, 10);
  /* The bound keeps deadline arithmetic in milliseconds far from overflow. */
  if (*s < '0' || *s > '9' || errno || *end || v > 1000000)
    usage_error("--grace wants whole seconds from 0 to 1000000, not '%s'", s);
  return v;
}

static int parse_run(int argc, char **argv) {
  struct run_opts o = {.grace = 30};
  /* No option can appear more often than there are arguments, so these never need to grow. */
  o.mains = xcalloc((size_t)argc, sizeof *o.mains);
  o.after = xcalloc((size_t)argc, sizeof *o.after);
  o.params = xcalloc((size_t)argc, sizeof *o.params);
  o.artifacts = xcalloc((size_t)argc, sizeof *o.artifacts);
  int grace_given = 0, dashdash = 0;
  int i = 0;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) {
      i++;
      dashdash = 1;
      break;
    }
    if (strcmp(a, "--sidecar") == 0) {
      o.sidecar = 1;
      continue;
    }
    int known = !strcmp(a, "--name") || !strcmp(a, "--main") || !strcmp(a, "--grace") ||
                !strcmp(a, "--param") || !strcmp(a, "--artifact") || !strcmp(a, "--after");
    if (!known) usage_error("unknown argument '%s' (the command follows '--')", a);
    if (i + 1 >= argc) usage_error("%s needs a value", a);
    const char *v = argv[++i];
    if (!strcmp(a, "--name")) {
      if (o.name) usage_error("--name given twice");
      if (!safe_component(v)) usage_error("--name '%s' must be one path component", v);
      o.name = v;
    } else if (!strcmp(a, "--main")) {
      if (!safe_component(v)) usage_error("--main '%s' must be one path component", v);
      o.mains[o.n_mains++] = v;
    } else if (!strcmp(a, "--after")) {
      if (!safe_component(v)) usage_error("--after '%s' must be one path component", v);
      o.after[o.n_after++] = v;
    } else if (!strcmp(a, "--grace")) {
      o.grace = parse_grace(v);
      grace_given = 1;
    } else if (!strcmp(a, "--param")) {
      parse_output(a, v, o.params, &o.n_params);
    } else {
      parse_output(a, v, o.artifacts, &o.n_artifacts);
    }
  }
  if (!o.name) usage_error("run needs --name");
  if (!dashdash || i >= argc)
    usage_error("run needs '--' followed by the command");
  if (!*argv[i]) usage_error("the command is empty");
  o.cmd = argv + i;
  if (o.sidecar && o.n_mains == 0) usage_error("--sidecar needs at least one --main");
  if (!o.sidecar && (o.n_mains || grace_given))
    usage_error("--main and --grace are for --sidecar only");
  if (o.sidecar && o.n_after) usage_error("--after is for containerSet members, not sidecars");
  if (o.sidecar && (o.n_params || o.n_artifacts))
    usage_error("a sidecar copies no outputs; --param and --artifact are for main containers");
  return cmd_run(&o);
}

int main(int argc, char **argv) {
  /* A closed standard descriptor would be reused by our own files and pipes, and the child's
   * output would land in them; park /dev/null there instead. */
  for (int fd = 0; fd <= 2; fd++) {
    if (fcntl(fd, F_GETFD) >= 0) continue;
    int n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (n >= 0 && n != fd) {
      dup2(n, fd);
      close(n);
    }
  }
  if (argc < 2) usage_error("no command given");
  if (strcmp(argv[1], "install") == 0) return cmd_install(argc - 2, argv + 2);
  if (strcmp(argv[1], "run") == 0) return parse_run(argc - 2, argv + 2);
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    (void)write_all(STDOUT_FILENO, USAGE, sizeof USAGE - 1);
    return 0;
  }
  usage_error("unknown command '%s'", argv[1]);
}
