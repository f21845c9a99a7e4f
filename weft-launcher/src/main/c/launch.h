/* weft-launch: wraps a Kubernetes step's command; see docs/kubernetes-pod-protocol.md. */
#ifndef WEFT_LAUNCH_H
#define WEFT_LAUNCH_H

#include <stddef.h>
#include <sys/types.h>

/* Kept apart from any code a command could mean, as far as one byte allows: the controller reads
 * it together with ctr/C/error to tell a launcher failure from a step that exited 64. */
#define EXIT_LAUNCHER 64
#define PARAM_MAX (1024 * 1024)

struct output {
  const char *name;
  const char *path;
};

struct run_opts {
  const char *name;
  int sidecar;
  const char **mains;
  size_t n_mains;
  const char **after;
  size_t n_after;
  long grace;
  struct output *params;
  size_t n_params;
  struct output *artifacts;
  size_t n_artifacts;
  char **cmd;
};

/* util.c */
void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void *xcalloc(size_t n, size_t size);
int write_all(int fd, const void *buf, size_t len);
int copy_fd(int in, int out);
int mkdirs(const char *path, mode_t mode);
int ensure_shared_dir(const char *path);
int write_file_atomic(const char *tmp, const char *path, const void *data, size_t len, mode_t mode);
const char *var_dir(void);
int safe_component(const char *s);
void record_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int errors_recorded(void);
void arm_fatal_exit(const char *error_path, const char *exit_tmp, const char *exit_path);
void set_fatal_child(pid_t pid);
int write_exit_file(int code);
int read_exit_file(const char *path);

/* copy.c */
void copy_outputs(const char *var, const char *ctr_dir, const struct run_opts *o);

/* run.c */
int cmd_run(const struct run_opts *o);

#endif
