package dev.weft.controller.artifact;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argo's {@code keyFormat}: a key template over the workflow and pod. Only the variables Argo
 * documents for it are known; anything else is refused when the configuration is read, not when the
 * first artifact is saved.
 */
final class KeyFormat {
  /** Argo's default. */
  static final String DEFAULT = "{{workflow.name}}/{{pod.name}}";

  private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final List<String> KNOWN =
      List.of(
          "workflow.name",
          "workflow.namespace",
          "workflow.uid",
          "pod.name",
          "workflow.creationTimestamp.Y",
          "workflow.creationTimestamp.m",
          "workflow.creationTimestamp.d",
          "workflow.creationTimestamp.H",
          "workflow.creationTimestamp.M",
          "workflow.creationTimestamp.S");

  private KeyFormat() {}

  /** Null when format is usable, else what is wrong with it. */
  static String problem(String format) {
    if (format.isBlank()) return "must not be empty";
    Matcher m = TAG.matcher(format);
    while (m.find()) {
      if (!KNOWN.contains(m.group(1))) {
        return "unknown variable {{" + m.group(1) + "}}; known: " + String.join(", ", KNOWN);
      }
    }
    String literal = TAG.matcher(format).replaceAll("x");
    if (literal.contains("{{") || literal.contains("}}")) return "has an unclosed {{ or }}";
    return null;
  }

  static String render(String format, ArtifactStore.KeyContext c) throws IOException {
    Matcher m = TAG.matcher(format);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), c)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String value(String name, ArtifactStore.KeyContext c) throws IOException {
    return switch (name) {
      case "workflow.name" -> c.workflowName();
      case "workflow.namespace" -> c.namespace();
      case "workflow.uid" -> c.workflowUid();
      case "pod.name" -> c.podName();
      default -> timestamp(name.substring(name.lastIndexOf('.') + 1), c.creationTimestamp());
    };
  }

  private static String timestamp(String field, String creationTimestamp) throws IOException {
    if (creationTimestamp == null) {
      throw new IOException("keyFormat uses the workflow's creationTimestamp, which is not set");
    }
    OffsetDateTime t;
    try {
      t = OffsetDateTime.parse(creationTimestamp).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IOException(
          "workflow creationTimestamp \"" + creationTimestamp + "\" is not RFC 3339");
    }
    return switch (field) {
      case "Y" -> String.format("%04d", t.getYear());
      case "m" -> String.format("%02d", t.getMonthValue());
      case "d" -> String.format("%02d", t.getDayOfMonth());
      case "H" -> String.format("%02d", t.getHour());
      case "M" -> String.format("%02d", t.getMinute());
      default -> String.format("%02d", t.getSecond());
    };
  }
}
