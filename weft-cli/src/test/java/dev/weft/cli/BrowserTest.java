package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's browser tests ({@code weft-ui/e2e/*.test.mjs}, Node's test runner driving Debian's
 * Chromium through playwright-core) against a real {@code weft server} on a temporary store. The
 * Maven build of weft-ui installed playwright-core; the screenshots land in weft-ui/target.
 */
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern COUNT = Pattern.compile("^# (pass|fail|cancelled) (\\d+)$");

  @Test
  void theBrowserTestsPassAgainstARealServer(@TempDir Path dataDir) throws Exception {
    assertThat(CHROMIUM)
        .as("the browser tests need Debian's chromium package (apt-get install chromium)")
        .isExecutable();
    Path ui = Path.of("").toAbsolutePath().getParent().resolve("weft-ui");
    assertThat(ui.resolve("node_modules/playwright-core"))
        .as("weft-ui's npm ci installs playwright-core")
        .isDirectory();
    Path log = ui.resolve("target/browser-tests.log");
    Files.createDirectories(log.getParent());
    try (ServerFixture server = new ServerFixture(dataDir)) {
      String token = Files.readString(dataDir.resolve("server-token")).strip();
      ProcessBuilder node =
          new ProcessBuilder("node", "--test", "--test-reporter=tap", "e2e/")
              .directory(ui.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = node.environment();
      env.put("WEFT_URL", server.url());
      env.put("WEFT_TOKEN", token);
      env.put("WEFT_CLI", cliCommand());
      env.put("WEFT_SHOTS", ui.resolve("target/screenshots").toString());
      Process process = node.start();
      boolean ended = process.waitFor(15, TimeUnit.MINUTES);
      if (!ended) process.destroyForcibly();
      String output = Files.readString(log);
      System.out.println(summary(output));
      assertThat(ended).as("the browser tests ended within 15 minutes; see " + log).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      assertThat(count(output, "pass")).as(output).isPositive();
      assertThat(count(output, "fail")).as(output).isZero();
    }
  }

  /** How the tests run the CLI: this JVM with the test classpath. */
  private static String cliCommand() {
    String java = ProcessHandle.current().info().command().orElse("java");
    return String.join(
        " ", List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
  }

  private static int count(String tap, String what) {
    for (String line : tap.lines().toList()) {
      Matcher m = COUNT.matcher(line);
      if (m.matches() && m.group(1).equals(what)) return Integer.parseInt(m.group(2));
    }
    return -1;
  }

  /** The test names with their verdicts and the closing counts, for the build log. */
  private static String summary(String tap) {
    StringBuilder out = new StringBuilder("browser tests:\n");
    for (String line : tap.lines().toList()) {
      String l = line.strip();
      if (l.startsWith("ok ") || l.startsWith("not ok ") || l.startsWith("# ")) {
        out.append("  ").append(line).append('\n');
      }
    }
    return out.toString();
  }
}
