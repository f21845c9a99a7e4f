package dev.weft.server;

import dev.weft.controller.ControlPlane;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Version, health, readiness and metrics. */
public final class SystemHandlers {
  /** The Argo version whose API this server follows. */
  public static final String ARGO_API_VERSION = "v3.5.0";

  private final ControlPlane plane;
  private final Metrics metrics;
  private final ServerInfo info;

  public SystemHandlers(ControlPlane plane, Metrics metrics, ServerInfo info) {
    this.plane = plane;
    this.metrics = metrics;
    this.info = info;
  }

  public void register(Router router) {
    router
        .add("GET", "/api/v1/version", r -> version())
        .add("GET", "/api/v1/info", r -> info.response())
        .add("GET", "/api/v1/userinfo", r -> Map.of("serviceAccountName", "weft"))
        .add("GET", "/healthz", r -> text(r, "ok\n"))
        .add("GET", "/readyz", r -> text(r, "ok\n"))
        .add(
            "GET",
            "/metrics",
            r -> {
              r.respond(
                  200,
                  "text/plain; version=0.0.4; charset=utf-8",
                  metrics.render(plane).getBytes(StandardCharsets.UTF_8));
              return null;
            });
  }

  private static Object text(Request r, String body) throws java.io.IOException {
    r.respond(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    return null;
  }

  private static Map<String, String> version() {
    String v = SystemHandlers.class.getPackage().getImplementationVersion();
    Map<String, String> out = new LinkedHashMap<>();
    out.put("version", ARGO_API_VERSION + "+weft." + (v == null ? "dev" : v));
    out.put("buildDate", "");
    out.put("gitCommit", "");
    out.put("gitTag", "");
    out.put("gitTreeState", "");
    out.put("goVersion", "java" + Runtime.version().feature());
    out.put("compiler", "weft");
    out.put("platform", System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
    return out;
  }
}
