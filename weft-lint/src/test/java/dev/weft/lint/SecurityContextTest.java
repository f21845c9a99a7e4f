package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityContextTest {
  @TempDir Path dir;

  private Lint workflow(String securityLines) {
    return Lint.in(dir)
        .file(
            "wf.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: w
            spec:
              entrypoint: main
              templates:
                - name: main
                  container:
                    image: alpine
                    securityContext:
            """
                + securityLines.indent(10));
  }

  @Test
  void aPrivilegedContainerIsAWarningNamingTheFlag() {
    var lint = workflow("privileged: true");

    assertThat(lint.warnings())
        .containsExactly(
            "wf.yaml:12:11: warning: spec.templates[0].container.securityContext.privileged: the"
                + " step will not run unless the operator passes --allow-privileged: privileged"
                + " containers are refused (Pod Security Baseline)");
  }

  @Test
  void underStrictAnUnhonouredSettingIsAnError() {
    var lint = workflow("seLinuxOptions: {level: \"s0:c1\"}");

    assertThat(new Linter().lint(java.util.List.of(dir.resolve("wf.yaml")), true).errors())
        .extracting(d -> d.message())
        .containsExactly("the step will not run: SELinux labels cannot be applied to steps");
  }

  @Test
  void anAddedCapabilityOutsideBaselineIsReportedAtItsItem() {
    var lint = workflow("capabilities:\n  add: [CHOWN, NET_ADMIN]");

    assertThat(lint.warnings()).hasSize(1);
    assertThat(lint.warnings().get(0))
        .startsWith("wf.yaml:13:")
        .contains("capabilities.add[1]")
        .contains("adding capability NET_ADMIN is refused");
  }

  @Test
  void runAsNonRootWithoutAUserIsReported() {
    var lint = workflow("runAsNonRoot: true");

    assertThat(lint.warnings())
        .singleElement()
        .asString()
        .contains("container has runAsNonRoot and image will run as root");
  }

  @Test
  void aUserIdOutsideTheMappedRangeIsReported() {
    var lint = workflow("runAsUser: 70000");

    assertThat(lint.warnings())
        .singleElement()
        .asString()
        .contains("runAsUser 70000 is outside the ids a sandbox maps (0 to 65535)");
  }

  @Test
  void honouredSettingsAreClean() {
    var lint =
        workflow(
            """
            runAsUser: 1000
            runAsGroup: 1000
            runAsNonRoot: true
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
            seccompProfile: {type: RuntimeDefault}
            """);

    assertThat(lint.all()).isEmpty();
  }
}
