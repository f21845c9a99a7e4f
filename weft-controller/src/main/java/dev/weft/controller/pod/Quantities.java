package dev.weft.controller.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.executor.Resources;
import dev.weft.model.spec.Container;
import java.math.BigDecimal;
import java.util.OptionalLong;

/** Kubernetes resource quantities ({@code 128Mi}, {@code 500m}) and file modes. */
final class Quantities {
  private Quantities() {}

  static Resources limits(Container.Resources r) {
    if (r == null || r.limits() == null) return Resources.NONE;
    JsonNode l = r.limits();
    OptionalLong memory =
        l.hasNonNull("memory")
            ? OptionalLong.of(bytes(l.get("memory").asText()))
            : OptionalLong.empty();
    OptionalLong cpu =
        l.hasNonNull("cpu") ? OptionalLong.of(millis(l.get("cpu").asText())) : OptionalLong.empty();
    return new Resources(memory, cpu);
  }

  static long bytes(String q) {
    String[][] suffixes = {
      {"Ki", "1024"},
      {"Mi", "1048576"},
      {"Gi", "1073741824"},
      {"Ti", "1099511627776"},
      {"k", "1000"},
      {"M", "1000000"},
      {"G", "1000000000"},
      {"T", "1000000000000"}
    };
    for (String[] s : suffixes) {
      if (q.endsWith(s[0])) {
        return new BigDecimal(q.substring(0, q.length() - s[0].length()))
            .multiply(new BigDecimal(s[1]))
            .longValue();
      }
    }
    return new BigDecimal(q).longValue();
  }

  static long millis(String q) {
    if (q.endsWith("m")) return Long.parseLong(q.substring(0, q.length() - 1));
    return new BigDecimal(q).multiply(BigDecimal.valueOf(1000)).longValue();
  }

  /** An artifact's mode (an integer, as YAML gives it) as rwx text. */
  static String mode(int mode) {
    String rwx = "rwxrwxrwx";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 9; i++) out.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
    return out.toString();
  }
}
