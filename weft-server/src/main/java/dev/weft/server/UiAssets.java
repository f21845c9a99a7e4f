package dev.weft.server;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.resource.Resources;

/**
 * The web UI from the classpath ({@code dev/weft/ui/static/}, built by weft-ui), as Argo's
 * server/static serves its embedded UI: a GET for a file answers the file (with Jetty's ETag,
 * Last-Modified and 304); a GET for anything else outside the server's own paths answers {@code
 * index.html}, so the single-page app's own routes load. Content-hashed {@code assets/} are cached
 * for good, {@code index.html} never without asking.
 */
final class UiAssets implements Router.Fallback {
  static final String ROOT = "dev/weft/ui/static/";
  private static final List<String> SERVER_PATHS =
      List.of("/api/", "/artifact-files/", "/metrics", "/healthz", "/readyz", "/logout");
  private static final String ABSENT =
      "The web UI is not part of this build (no "
          + ROOT
          + " on the classpath). The API is at /api/v1/.\n";

  private final Resource base;
  private final ResourceHandler files;

  UiAssets(Server server, String root) {
    URL url = UiAssets.class.getClassLoader().getResource(root);
    this.base = url == null ? null : resource(server, url);
    this.files = new ResourceHandler();
    if (base != null) {
      files.setBaseResource(base);
      files.setDirAllowed(false);
      files.setEtags(true);
      files.setWelcomeFiles(List.of());
      files.setServer(server);
      server.addBean(files); // started and stopped with the server
    }
  }

  private static Resource resource(Server server, URL url) {
    try {
      return ResourceFactory.of(server).newResource(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the web UI's location is not a URI: " + url, e);
    }
  }

  @Override
  public boolean serve(Request r) throws IOException {
    if (!r.method().equals("GET") && !r.method().equals("HEAD")) return false;
    String path = org.eclipse.jetty.server.Request.getPathInContext(r.jetty());
    if (path == null || SERVER_PATHS.stream().anyMatch(p -> under(path, p))) return false;
    uiHeaders(r);
    if (base == null) {
      r.respond(404, "text/plain; charset=utf-8", ABSENT.getBytes(StandardCharsets.UTF_8));
      return true;
    }
    org.eclipse.jetty.server.Request target = r.jetty();
    if (isFile(path) && !path.equals("/index.html")) {
      boolean hashed = path.startsWith("/assets/");
      r.responseHeader(
          "Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    } else {
      // the app's own routes (and /) load the app, which reads its route from the address
      r.responseHeader("Cache-Control", "no-cache");
      target =
          org.eclipse.jetty.server.Request.serveAs(
              r.jetty(),
              HttpURI.build(r.jetty().getHttpURI()).path("/index.html").query(null).asImmutable());
    }
    try (Blocker.Callback done = Blocker.callback()) {
      if (!files.handle(target, r.response(), done)) done.failed(new IOException("not served"));
      done.block();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
    r.sent(r.response().getStatus());
    return true;
  }

  private static boolean under(String path, String prefix) {
    return prefix.endsWith("/")
        ? path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))
        : path.equals(prefix) || path.startsWith(prefix + "/");
  }

  private boolean isFile(String path) {
    Resource file = base.resolve(path);
    return Resources.isReadableFile(file) && contained(file);
  }

  /** Never a file outside the root, whatever the path's spelling. */
  private boolean contained(Resource file) {
    return file.getURI().toString().startsWith(base.getURI().toString());
  }

  /**
   * The built index.html loads its scripts from files, so no inline script is ever the app's: an
   * injected one does not run. Inline styles stay allowed (the app sets element styles).
   */
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self'";

  /** Argo's static server's headers: the page may not be framed, nor load foreign scripts. */
  private static void uiHeaders(Request r) {
    r.responseHeader("Content-Security-Policy", CSP);
    r.responseHeader("X-Frame-Options", "DENY");
    r.responseHeader("X-Content-Type-Options", "nosniff");
  }
}
