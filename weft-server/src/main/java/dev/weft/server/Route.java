package dev.weft.server;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A method and a path template such as {@code /api/v1/workflows/{namespace}/{name}}. */
public record Route(String method, String template, List<String> segments, Handler handler) {

  /** Answers a request: returns the JSON body, or null when it responded itself. */
  @FunctionalInterface
  public interface Handler {
    Object handle(Request request) throws IOException, InterruptedException;
  }

  public static Route of(String method, String template, Handler handler) {
    return new Route(method, template, split(template), handler);
  }

  static List<String> split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
    return List.of(trimmed.split("/", -1));
  }

  /** The path parameters if the raw path's segments fit the template, else null. */
  public Map<String, String> match(List<String> rawSegments) {
    if (rawSegments.size() != segments.size()) return null;
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String pattern = segments.get(i);
      String value = Request.decodePath(rawSegments.get(i));
      if (pattern.startsWith("{") && pattern.endsWith("}")) {
        if (value.isEmpty()) return null;
        params.put(pattern.substring(1, pattern.length() - 1), value);
      } else if (!pattern.equals(value)) {
        return null;
      }
    }
    return params;
  }
}
