package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Log requests cannot name files outside the pod, nor make the server backtrack for ever. */
class LogRequestTest {
  static ServerHarness h;
  static String pod;
  static Path planted;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
    String wf =
        """
        {"workflow": {"metadata": {"name": "talk"}, "spec": {"entrypoint": "main", "templates": [
          {"name": "main", "container": {"image": "busybox", "command": ["sh", "-c",
            "head -c 20000 /dev/zero | tr '\\\\000' a; echo '!'; echo aaa"]}}]}}}
        """;
    assertThat(h.post("/api/v1/workflows/default", wf).status()).isEqualTo(200);
    JsonNode done = h.awaitPhase("default", "talk", "Succeeded");
    for (JsonNode n : done.path("status").path("nodes")) {
      if (n.hasNonNull("podName")) pod = n.path("podName").asText();
    }
    // what `../../x` would reach from the pod's logs directory
    String uid = done.path("metadata").path("uid").asText();
    planted = h.dataDir.resolve("pods").resolve(uid).resolve("x.stdout");
    Files.writeString(planted, "SECRET\n");
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static ServerHarness.Response logs(String query) {
    return h.get("/api/v1/workflows/default/talk/log?podName=" + pod + "&" + query);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../x", "main/../../x", "main/../../", "/etc/passwd", "MAIN"})
  void traversalContainerNameIsRefusedAndReadsNothing(String container) {
    var r = logs("logOptions.container=" + URLEncoder.encode(container, StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("is not a container name");
    assertThat(r.body()).doesNotContain("SECRET");
  }

  @Test
  void containerThePodDoesNotHaveIsNotFound() {
    var r = logs("logOptions.container=x");
    assertThat(r.status()).as(r.body()).isEqualTo(404);
    assertThat(r.json().path("message").asText()).contains("\"x\" is not valid").contains("main");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // java.util.regex would backtrack for ages
  void catastrophicGrepPatternMatchesInLinearTime() {
    String grep = URLEncoder.encode("(a+)+$", StandardCharsets.UTF_8);
    var r = logs("logOptions.container=main&grep=" + grep);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.body().lines().toList())
        .singleElement()
        .satisfies(l -> assertThat(l).contains("\"content\":\"aaa\""));
  }

  @Test
  void grepThatIsNotAnRe2PatternIsABadRequest() {
    var r = logs("grep=" + URLEncoder.encode("(a", StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).startsWith("grep: not a regular expression");
  }
}
