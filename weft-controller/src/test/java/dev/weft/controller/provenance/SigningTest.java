package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.executor.SandboxMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing on this machine: the data directory's key and the builder id of the mode. */
class SigningTest {
  @TempDir Path home;

  @Test
  void startsAtTheSameMomentAllSignWithTheOneOwnerOnlyKeyCreated() throws Exception {
    int starts = 6;
    CyclicBarrier together = new CyclicBarrier(starts);
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    try {
      List<Future<Signing>> signings = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        signings.add(
            pool.submit(
                () -> {
                  together.await();
                  return Signing.local(home, null, "server", SandboxMode.NAMESPACES);
                }));
      }
      Set<String> keys = new HashSet<>();
      for (Future<Signing> s : signings) keys.add(s.get().key().keyId());

      assertThat(keys).hasSize(1);
      Path keyFile = home.resolve("signing/ed25519.key");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
          .isEqualTo("rw-------");
      try (var files = Files.list(home.resolve("signing"))) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("ed25519.key", "ed25519.pub");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aServerWithoutTheSandboxHasTheHostBuilderId() throws Exception {
    Signing signing = Signing.local(home, null, "server", SandboxMode.HOST_DIRECT);

    assertThat(signing.builder().id()).isEqualTo("https://weft.dev/builder/server/host/v1");
  }

  @Test
  void aSandboxedRunHasTheSandboxedRunBuilderId() throws Exception {
    Signing signing = Signing.local(home, null, "run", SandboxMode.NAMESPACES);

    assertThat(signing.builder().id()).isEqualTo("https://weft.dev/builder/run/sandboxed/v1");
  }
}
