package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.control.ControlRequests;
import dev.weft.cli.control.ControlSocket;
import dev.weft.controller.DataDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Argo's example corpus ({@code ../shared/conformance/argo}) through `weft run`, through `weft
 * server` (over HTTP) and through `weft controller` on a (mock) Kubernetes API server, and checks
 * each case ends as it does on Argo every way. Cases and lanes run concurrently: most of their time
 * is sleeping.
 */
class ConformanceTest {
  private static final Path CORPUS =
      Path.of(System.getProperty("weft.shared", "../../shared"), "conformance", "argo");
  private static final int CASE_LIMIT_MINUTES = 8;
  private static final Pattern STATUS = Pattern.compile("(?m)^Status:\\s+(\\w+)");

  record Case(String file, String expect, List<String> requires) {}

  /** How one case ended {@code via} `weft run` or `weft server`. */
  record Outcome(Case c, String via, String phase, int exit, String output) {
    boolean passed() {
      return switch (c.expect()) {
        case "Succeeded", "Failed" -> c.expect().equals(phase);
        case "random" -> List.of("Succeeded", "Failed", "Error").contains(phase);
        case "interactive" -> "Succeeded".equals(phase);
        case "cron" ->
            via.equals(RUN) ? exit == 0 : phase.equals(via.equals(KUBE) ? "scheduled" : "linted");
        default -> false;
      };
    }
  }

  private static final String RUN = "weft run";
  private static final String SERVER = "weft server";
  private static final String KUBE = "kubernetes";

  @TestFactory
  Stream<DynamicTest> everyCaseEndsAsOnArgo(@TempDir Path home) throws Exception {
    System.setProperty("weft.home", home.toString());
    List<Case> cases = cases();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Outcome> outcomes = new ArrayList<>();
    List<String> podsCreatedTwice;
    try (ServerConformance server = new ServerConformance(home.resolve("server"));
        KubeConformance kube = new KubeConformance(home.resolve("kube"))) {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Case c : cases) {
        futures.add(pool.submit(() -> viaKube(kube, c)));
        futures.add(pool.submit(() -> run(c)));
        futures.add(pool.submit(() -> viaServer(server, c)));
      }
      for (Future<Outcome> f : futures) outcomes.add(f.get(20, TimeUnit.MINUTES));
      podsCreatedTwice = kube.podsCreatedTwice();
    } finally {
      pool.shutdown();
    }
    System.out.println("pods created twice via kubernetes: " + podsCreatedTwice);
    assertThat(podsCreatedTwice).as("pods created twice via kubernetes").isEmpty();
    for (String via : List.of(RUN, SERVER, KUBE)) {
      List<Outcome> mine = outcomes.stream().filter(o -> o.via().equals(via)).toList();
      long passed = mine.stream().filter(Outcome::passed).count();
      for (Outcome o : mine) {
        if (!o.passed())
          System.out.println(
              "FAILED via "
                  + via
                  + ": "
                  + o.c().file()
                  + ": expected "
                  + o.c().expect()
                  + ", got "
                  + o.phase());
      }
      System.out.println(
          "conformance via "
              + via
              + ": "
              + passed
              + " passed, "
              + (mine.size() - passed)
              + " failed");
    }
    return outcomes.stream()
        .map(
            o ->
                DynamicTest.dynamicTest(
                    o.c().file() + " ends " + o.c().expect() + " via " + o.via(),
                    () ->
                        assertThat(o.passed())
                            .as(
                                "%s ended %s via %s (exit %d)%n%s",
                                o.c().file(), o.phase(), o.via(), o.exit(), o.output())
                            .isTrue()));
  }

  private static Outcome viaServer(ServerConformance server, Case c) throws Exception {
    List<Path> requires = new ArrayList<>();
    for (String r : c.requires()) {
      requires.add(
          r.startsWith("support/") ? CORPUS.resolve(r) : CORPUS.resolve("examples").resolve(r));
    }
    String phase =
        server.run(
            CORPUS.resolve("examples").resolve(c.file()),
            requires,
            c.expect(),
            java.time.Duration.ofMinutes(CASE_LIMIT_MINUTES));
    return new Outcome(c, SERVER, phase, 0, phase);
  }

  private static Outcome viaKube(KubeConformance kube, Case c) throws Exception {
    String phase =
        kube.run(
            CORPUS.resolve("examples").resolve(c.file()),
            requires(c),
            c.expect(),
            nameFor(c),
            java.time.Duration.ofMinutes(CASE_LIMIT_MINUTES));
    return new Outcome(c, KUBE, phase, 0, phase);
  }

  private static List<Path> requires(Case c) {
    List<Path> out = new ArrayList<>();
    for (String r : c.requires()) {
      out.add(r.startsWith("support/") ? CORPUS.resolve(r) : CORPUS.resolve("examples").resolve(r));
    }
    return out;
  }

  /** Every case, or those whose file contains -Dweft.conformance.only (to work on a few). */
  private static List<Case> cases() throws IOException {
    String only = System.getProperty("weft.conformance.only", "");
    List<Case> out = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"))) {
      if (line.isBlank() || line.startsWith("#") || !line.split("\t")[0].contains(only)) continue;
      String[] cols = line.split("\t", -1);
      List<String> requires =
          cols.length > 2 && !cols[2].isBlank() ? List.of(cols[2].split(",")) : List.of();
      out.add(new Case(cols[0], cols[1], requires));
    }
    return out;
  }

  private static Outcome run(Case c) throws Exception {
    Path file = CORPUS.resolve("examples").resolve(c.file());
    List<String> args = new ArrayList<>();
    if (c.expect().equals("cron")) {
      args.addAll(List.of("lint", file.toString()));
    } else {
      args.addAll(List.of("run", file.toString()));
      for (String r : c.requires()) {
        args.add("-f");
        args.add(
            (r.startsWith("support/") ? CORPUS.resolve(r) : CORPUS.resolve("examples").resolve(r))
                .toString());
      }
      args.add("--name");
      args.add(nameFor(c));
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    Thread resumer = c.expect().equals("interactive") ? resumeUntilDone(nameFor(c)) : null;
    var run =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> Main.execute(args.toArray(String[]::new), out, out),
            Executors.newVirtualThreadPerTaskExecutor());
    int exit;
    try {
      exit = run.get(CASE_LIMIT_MINUTES, TimeUnit.MINUTES);
    } catch (java.util.concurrent.TimeoutException e) {
      ControlSocket.send(ControlSocket.pathFor(DataDir.resolve(), nameFor(c)), "terminate");
      run.get(1, TimeUnit.MINUTES);
      return new Outcome(c, RUN, "timeout", -1, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      if (resumer != null) resumer.interrupt();
    }
    String output = buffer.toString(StandardCharsets.UTF_8);
    Matcher m = STATUS.matcher(output);
    return new Outcome(c, RUN, m.find() ? m.group(1) : "none", exit, output);
  }

  /** A valid, unique workflow name per case: a readable prefix and a hash of the file. */
  private static String nameFor(Case c) {
    String base = c.file().replace(".yaml", "").replaceAll("[^a-z0-9-]", "-");
    base = base.substring(0, Math.min(40, base.length())).replaceAll("-+$", "");
    return "c-" + base + "-" + Integer.toHexString(c.file().hashCode() & 0xfffffff);
  }

  /** Plays the user of an interactive case: resumes it, supplying values its nodes ask for. */
  private static Thread resumeUntilDone(String name) {
    return Thread.ofVirtual()
        .start(
            () -> {
              Path socket = ControlSocket.pathFor(DataDir.resolve(), name);
              String request =
                  ControlRequests.resume(
                      null, Map.of("approve", "YES", "message", "approved by the test"));
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(500);
                  if (Files.exists(socket)) ControlSocket.send(socket, request);
                } catch (InterruptedException e) {
                  return;
                } catch (IOException e) {
                  // the run has not opened its socket yet, or has just closed it
                }
              }
            });
  }
}
