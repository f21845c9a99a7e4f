package dev.weft.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helper: runs the built weft-launch with WEFT_VAR in a temp dir, output to files. */
final class Launch {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final Path dir;
  final Path var;
  private int count;

  Launch(Path dir) {
    this.dir = dir;
    this.var = dir.resolve("var");
  }

  static Path binary() {
    return LauncherBinary.built()
        .orElseThrow(() -> new AssertionError("target/weft-launch was not built"));
  }

  record Result(int code, String stdout, String stderr) {}

  /** A launcher still running; its stdout and stderr go to files. */
  record Running(Process process, Path stdout, Path stderr) {
    Result await() throws Exception {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("weft-launch did not end in " + TIMEOUT);
      }
      return new Result(process.exitValue(), read(stdout), read(stderr));
    }
  }

  Running start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("WEFT_VAR", var.toString());
    pb.environment().putAll(env);
    int n;
    synchronized (this) {
      n = ++count;
    }
    Path out = dir.resolve("launch-" + n + ".out");
    Path err = dir.resolve("launch-" + n + ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return new Running(pb.start(), out, err);
  }

  Running start(String... args) throws IOException {
    return start(Map.of(), args);
  }

  Result run(Map<String, String> env, String... args) throws Exception {
    return start(env, args).await();
  }

  Result run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  /** A file of container {@code name}'s directory, ctr/NAME/FILE. */
  Path ctr(String name, String file) {
    return var.resolve("ctr").resolve(name).resolve(file);
  }

  String ctrText(String name, String file) throws IOException {
    return read(ctr(name, file));
  }

  Path param(String name) {
    return var.resolve("outputs/params").resolve(name);
  }

  Path artifact(String name) {
    return var.resolve("outputs/artifacts").resolve(name);
  }

  static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(20);
    }
  }

  /** Waits until container {@code name}'s stdout file contains {@code text}. */
  void awaitOutput(String name, String text) throws InterruptedException {
    waitUntil(
        name + " to print " + text,
        () -> {
          try {
            return read(ctr(name, "stdout")).contains(text);
          } catch (IOException e) {
            return false;
          }
        });
  }
}
