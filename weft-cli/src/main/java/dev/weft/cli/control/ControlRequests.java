package dev.weft.cli.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.controller.ControlPlane;
import dev.weft.controller.workflow.WorkflowKey;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control protocol: {@code resume [node=NAME] [param=NAME=VALUE]...}, {@code suspend}, {@code
 * stop}, {@code terminate}.
 */
public final class ControlRequests {
  private ControlRequests() {}

  public static String resume(String node, Map<String, String> outputs) {
    StringBuilder b = new StringBuilder("resume");
    if (node != null) b.append(" node=").append(node);
    outputs.forEach((k, v) -> b.append(" param=").append(k).append('=').append(encode(v)));
    return b.toString();
  }

  private static String encode(String v) {
    return URLEncoder.encode(v, UTF_8);
  }

  public static String handle(ControlPlane plane, WorkflowKey key, String request) {
    String[] words = request.trim().split(" ");
    switch (words[0]) {
      case "resume" -> {
        String node = null;
        Map<String, String> outputs = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
          if (words[i].startsWith("node=")) node = words[i].substring(5);
          else if (words[i].startsWith("param=")) {
            String kv = words[i].substring(6);
            int eq = kv.indexOf('=');
            if (eq > 0)
              outputs.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), UTF_8));
          }
        }
        plane.resume(key, node, outputs);
        return "ok: resumed " + key.name();
      }
      case "suspend" -> {
        plane.suspend(key);
        return "ok: suspended " + key.name();
      }
      case "stop" -> {
        plane.shutdown(key, "Stop");
        return "ok: stopping " + key.name();
      }
      case "terminate" -> {
        plane.shutdown(key, "Terminate");
        return "ok: terminating " + key.name();
      }
      default -> {
        return "error: unknown request \"" + words[0] + "\"";
      }
    }
  }
}
