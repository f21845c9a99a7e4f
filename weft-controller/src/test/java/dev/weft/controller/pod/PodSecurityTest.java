package dev.weft.controller.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.executor.Capabilities;
import dev.weft.executor.ContainerSecurity;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSecurityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private final PodSecurity strict = new PodSecurity(false);
  private final PodSecurity allowing = new PodSecurity(true);

  @Test
  void noContextIsRootWithTheRuntimeDefaults() throws IOException {
    assertThat(strict.of("main", null, null)).isEqualTo(ContainerSecurity.DEFAULT);
  }

  @Test
  void theContainersUserWinsOverThePods() throws IOException {
    ContainerSecurity s =
        strict.of(
            "main",
            json(
                "{\"runAsUser\": 1000, \"runAsGroup\": 2000, \"fsGroup\": 3000, \"supplementalGroups\": [4000]}"),
            json("{\"runAsUser\": 1001}"));

    assertThat(s.uid()).isEqualTo(1001);
    assertThat(s.gid()).isEqualTo(2000);
    assertThat(s.supplementalGroups()).containsExactly(4000L, 3000L);
  }

  @Test
  void capabilitiesAreDroppedThenAdded() throws IOException {
    ContainerSecurity s =
        strict.of(
            "main",
            null,
            json("{\"capabilities\": {\"drop\": [\"ALL\"], \"add\": [\"cap_chown\"]}}"));

    assertThat(s.capabilities()).containsExactly("CHOWN");
  }

  @Test
  void privilegedIsRefusedNamingTheFlag() {
    assertThatThrownBy(() -> strict.of("main", null, json("{\"privileged\": true}")))
        .hasMessage(
            "container main not run: containers[main].securityContext.privileged: privileged"
                + " containers are refused (Pod Security Baseline); the operator can allow it"
                + " with --allow-privileged (weft run or weft server)");
  }

  @Test
  void privilegedRunsWhenTheOperatorAllowsIt() throws IOException {
    assertThat(allowing.of("main", null, json("{\"privileged\": true}")).privileged()).isTrue();
  }

  @Test
  void aBaselineCapabilityAddIsRefusedUnlessAllowed() throws IOException {
    JsonNode admin = json("{\"capabilities\": {\"add\": [\"SYS_ADMIN\"]}}");

    assertThatThrownBy(() -> strict.of("main", null, admin))
        .hasMessageContaining("capabilities.add.0: adding capability SYS_ADMIN is refused");
    assertThat(allowing.of("main", null, admin).capabilities())
        .containsAll(Capabilities.RUNTIME_DEFAULT)
        .contains("SYS_ADMIN");
  }

  @Test
  void runAsNonRootWithRootIsRefused() {
    assertThatThrownBy(() -> strict.of("main", json("{\"runAsNonRoot\": true}"), null))
        .hasMessage(
            "container main: container has runAsNonRoot and image will run as root (set a non-zero runAsUser)");
  }

  @Test
  void anUnsupportedSettingIsRefusedEvenWhenPrivilegedIsAllowed() {
    assertThatThrownBy(
            () ->
                allowing.of(
                    "main",
                    json(
                        "{\"sysctls\": [{\"name\": \"net.core.somaxconn\", \"value\": \"1024\"}]}"),
                    null))
        .hasMessageContaining("sysctls cannot be set");
    assertThatThrownBy(
            () ->
                allowing.of(
                    "main",
                    null,
                    json(
                        "{\"seccompProfile\": {\"type\": \"Localhost\", \"localhostProfile\": \"x.json\"}}")))
        .hasMessageContaining("seccompProfile Localhost cannot be loaded");
  }

  @Test
  void seccompUnconfinedDropsOnlyTheFilter() throws IOException {
    ContainerSecurity s =
        allowing.of("main", json("{\"seccompProfile\": {\"type\": \"Unconfined\"}}"), null);

    assertThat(s.seccompUnconfined()).isTrue();
    assertThat(s.privileged()).isFalse();
    assertThat(s.capabilities()).isEqualTo(Capabilities.RUNTIME_DEFAULT);
    assertThat(List.of(s.uid(), s.gid())).containsExactly(0L, 0L);
  }
}
