package dev.weft.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real servers on one store, from different data directories and through different spellings of
 * it: the second is refused (exit 2) with a message naming the first.
 */
class StoreLockServerTest {
  static final String PG = System.getenv("WEFT_TEST_POSTGRES_URL");

  @TempDir Path dir;

  record Exit(int code, String output) {}

  @Test
  void secondServerOnOneSqliteFileIsRefusedWhateverTheSpelling() throws Exception {
    Path real = Files.createDirectories(dir.resolve("stores"));
    Path alias = Files.createSymbolicLink(dir.resolve("alias"), real);
    ServerProcess first =
        new ServerProcess(
            Files.createDirectories(dir.resolve("a")),
            freePort(),
            List.of("--store", real.resolve("weft.db").toString()));
    try {
      first.start();
      for (String spelling :
          List.of(
              alias.resolve("weft.db").toString(), // a symlinked directory
              "sqlite:./stores/../alias/./weft.db", // relative, with dots
              "stores/weft.db")) { // relative to the working directory
        Exit second = runToExit(dir.resolve("b"), List.of("--store", spelling));
        assertThat(second.code()).as(spelling + ": " + second.output()).isEqualTo(2);
        assertThat(second.output())
            .contains("is in use by")
            .contains("weft server pid " + first.pid());
      }
    } finally {
      first.stop();
    }
  }

  @Test
  void secondServerOnOnePostgresDatabaseIsRefused() throws Exception {
    assumeTrue(PG != null && !PG.isBlank(), "WEFT_TEST_POSTGRES_URL is not set");
    String schema = "weft_lock_" + UUID.randomUUID().toString().replace("-", "");
    sql("CREATE SCHEMA " + schema);
    String url = PG + (PG.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    ServerProcess first =
        new ServerProcess(
            Files.createDirectories(dir.resolve("a")), freePort(), List.of("--store", url));
    try {
      first.start();
      Exit second = runToExit(dir.resolve("b"), List.of("--store", url));
      assertThat(second.code()).as(second.output()).isEqualTo(2);
      assertThat(second.output())
          .contains("is in use by")
          .contains("weft server pid " + first.pid());
    } finally {
      first.stop();
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** Runs a second server in {@code dir} and waits for it to give up. */
  private Exit runToExit(Path home, List<String> args) throws Exception {
    Files.createDirectories(home);
    Path log = home.resolve("refused.log");
    Process p =
        new ProcessBuilder(ServerProcess.command(home, freePort(), args))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the second server kept running on a locked store");
    }
    return new Exit(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(PG);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
