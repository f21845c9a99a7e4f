package dev.weft.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a container's argv with Kubernetes semantics: {@code command} (or else the image
 * entrypoint) followed by {@code args}, then the script path for Argo script templates; {@code
 * $(VAR)} references to the container's env are expanded, {@code $$} escapes a {@code $}.
 */
final class CommandLine {
  /** Where Argo stages a script template's source. */
  static final String SCRIPT_PATH = "/argo/staging/script";

  private CommandLine() {}

  /** The argv; empty when the container names no program at all. */
  static List<String> argv(
      ContainerSpec spec, ImageProfile profile, Map<String, String> env, String scriptPath) {
    List<String> argv = new ArrayList<>();
    List<String> command = spec.command().isEmpty() ? profile.entrypoint() : spec.command();
    command.forEach(word -> argv.add(expand(word, env)));
    spec.args().forEach(word -> argv.add(expand(word, env)));
    if (spec.script().isPresent()) {
      argv.add(scriptPath);
    }
    return argv;
  }

  /** Kubernetes {@code $(VAR)} expansion: unknown references are left as written. */
  static String expand(String word, Map<String, String> env) {
    StringBuilder out = new StringBuilder(word.length());
    int i = 0;
    while (i < word.length()) {
      char c = word.charAt(i);
      if (c == '$' && i + 1 < word.length() && word.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < word.length() && word.charAt(i + 1) == '(') {
        int close = word.indexOf(')', i + 2);
        String name = close < 0 ? null : word.substring(i + 2, close);
        if (name != null && env.containsKey(name)) {
          out.append(env.get(name));
          i = close + 1;
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
