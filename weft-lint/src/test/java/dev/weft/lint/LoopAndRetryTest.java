package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopAndRetryTest {
  @TempDir Path dir;

  /** A workflow whose step (line 10) has the given fields, and template {@code leaf}. */
  private Lint step(String fields) {
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
                  steps:
                    - - name: one
                        template: leaf
            %s
                - name: leaf
                  container: {image: alpine}
            """
                .formatted(fields.stripTrailing().indent(12).stripTrailing()));
  }

  /** A workflow whose only template (line 8) has the given fields. */
  private Lint template(String fields) {
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
            %s
            """
                .formatted(fields.stripTrailing().indent(6).stripTrailing()));
  }

  @Test
  void withSequenceWithCountAndEndIsAnError() {
    var lint = step("withSequence: {count: \"3\", end: \"5\"}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:12:13: error: spec.templates[0].steps[0][0].withSequence: withSequence takes"
                + " count or end, not both");
  }

  @Test
  void withSequenceWithNeitherCountNorEndIsAnError() {
    var lint = step("withSequence: {start: \"1\"}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:12:13: error: spec.templates[0].steps[0][0].withSequence: withSequence needs"
                + " count or end");
  }

  @Test
  void aNonNumericWithSequenceValueIsAnError() {
    var lint = step("withSequence: {count: five}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:12:28: error: spec.templates[0].steps[0][0].withSequence.count: \"five\" is not"
                + " a number");
  }

  @Test
  void aLiteralWithParamThatIsNotAListIsAnError() {
    var lint = step("withParam: '{\"a\": 1}'");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:12:13: error: spec.templates[0].steps[0][0].withParam: withParam must be a"
                + " JSON list");
  }

  @Test
  void anInvalidRetryLimitIsAnError() {
    var lint = template("retryStrategy: {limit: many}\ncontainer: {image: alpine}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:9:23: error: spec.templates[0].retryStrategy.limit: \"many\" is not a"
                + " non-negative whole number");
  }

  @Test
  void anUnknownRetryPolicyIsAnError() {
    var lint =
        template("retryStrategy: {limit: 2, retryPolicy: Sometimes}\ncontainer: {image: alpine}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:9:33: error: spec.templates[0].retryStrategy.retryPolicy: unknown retryPolicy"
                + " \"Sometimes\" (expected one of Always, OnFailure, OnError, OnTransientError)");
  }

  @Test
  void anInvalidBackoffDurationIsAnError() {
    var lint =
        template(
            "retryStrategy:\n  limit: 2\n  backoff: {duration: 1x, maxDuration: 1m30s, cap: \"20\"}\n"
                + "container: {image: alpine}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:11:19: error: spec.templates[0].retryStrategy.backoff.duration: \"1x\" is not"
                + " a duration (e.g. 30s, 1m30s, 2h, or seconds)");
  }

  @Test
  void anInvalidTimeoutIsAnError() {
    var lint = template("timeout: soon\ncontainer: {image: alpine}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:9:7: error: spec.templates[0].timeout: \"soon\" is not a duration (e.g. 30s,"
                + " 1m30s, 2h, or seconds)");
  }

  @Test
  void anInvalidActiveDeadlineIsAnError() {
    var lint = template("activeDeadlineSeconds: ten\ncontainer: {image: alpine}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:9:7: error: spec.templates[0].activeDeadlineSeconds: \"ten\" is not a"
                + " duration (e.g. 30s, 1m30s, 2h, or seconds)");
  }

  @Test
  void anInvalidSuspendDurationIsAnError() {
    var lint = template("suspend: {duration: 2 minutes}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:9:17: error: spec.templates[0].suspend.duration: \"2 minutes\" is not a"
                + " duration (e.g. 30s, 1m30s, 2h, or seconds)");
  }

  @Test
  void anInvalidMemoizeMaxAgeIsAnError() {
    var lint =
        template(
            "memoize:\n  key: k\n  maxAge: 1 day\n  cache: {configMap: {name: c}}\n"
                + "container: {image: alpine}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:11:9: error: spec.templates[0].memoize.maxAge: \"1 day\" is not a duration"
                + " (e.g. 30s, 1m30s, 2h, or seconds)");
  }

  @Test
  void goDurationsAndSecondsAreValid() {
    var lint =
        template(
            "timeout: 1h2m3.5s\nactiveDeadlineSeconds: 300\n"
                + "retryStrategy: {limit: \"3\", retryPolicy: OnError, backoff: {duration: \"10\","
                + " factor: 2, maxDuration: 500ms}}\ncontainer: {image: alpine}");
    assertThat(lint.all()).isEmpty();
  }
}
