package dev.weft.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dispatches requests to routes in registration order (literal segments are registered before
 * parameters), refuses hostile requests ({@link RequestGuard}), checks the token on {@code /api/}
 * (and on {@code /metrics}, as Argo Server does), refuses cookie-borne writes from another origin
 * ({@link BrowserSession}), counts requests and writes every error in Argo's form. A GET no route
 * takes goes to the fallback: the web UI.
 */
public final class Router {
  /** Argo's gateway sends the version as gRPC metadata, which reaches HTTP under this name. */
  static final String VERSION_HEADER = "Grpc-Metadata-Argo-Version";

  /** What answers the requests no route takes, if it wants them. */
  interface Fallback {
    /** Answers the request and returns true, or returns false when it is not its to answer. */
    boolean serve(Request request) throws IOException;
  }

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  private final List<Route> routes = new ArrayList<>();
  private final RequestGuard guard;
  private final AuthFilter auth;
  private final Metrics metrics;
  private final boolean metricsAuth;
  private final String version;
  private Fallback fallback = r -> false;

  Router(
      RequestGuard guard, AuthFilter auth, Metrics metrics, boolean metricsAuth, String version) {
    this.guard = guard;
    this.auth = auth;
    this.metrics = metrics;
    this.metricsAuth = metricsAuth;
    this.version = version;
  }

  public Router add(String method, String template, Route.Handler handler) {
    routes.add(Route.of(method, template, handler));
    return this;
  }

  void fallback(Fallback fallback) {
    this.fallback = fallback;
  }

  /** Answers the request (blocking until it is answered, streams included). */
  void handle(Request request) {
    String template = "unmatched";
    try {
      // an answer is for whoever holds the token, and a cookie keeps no shared cache from storing
      // it; the UI's own files set their caching themselves
      request.responseHeader("Cache-Control", "no-store");
      request.responseHeader("X-Content-Type-Options", "nosniff");
      guard.check(request);
      List<String> segments = Route.split(request.rawPath());
      Route found = null;
      boolean pathMatched = false;
      for (Route route : routes) {
        Map<String, String> params = route.match(segments);
        if (params == null) continue;
        pathMatched = true;
        template = route.template();
        if (route.method().equals(request.method())) {
          found = route;
          request.bind(params);
          break;
        }
      }
      if (found == null && fallback.serve(request)) {
        template = "(web UI)";
        return;
      }
      if (found == null) {
        throw pathMatched
            ? ApiException.methodNotAllowed("method " + request.method() + " not allowed")
            : ApiException.notFound("no such path: " + Request.decodePath(request.rawPath()));
      }
      authorize(request, template);
      Object body = found.handler().handle(request);
      if (body != null) request.respondJson(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(request, ApiException.internal("interrupted"));
    } catch (IOException e) {
      // the client went away, or sent a body that could not be read
      if (request.status() == 0) fail(request, ApiException.invalid("cannot read the request"));
    } catch (RuntimeException e) {
      fail(request, ErrorWriter.classify(e));
    } finally {
      int status = request.status() != 0 ? request.status() : request.response().getStatus();
      metrics.countRequest(methodLabel(request.method()), template, status);
    }
  }

  /**
   * HTTP lets a client name any method, and each label value is a series kept for the server's
   * life: methods outside HTTP's own count as {@code other}.
   */
  private static String methodLabel(String method) {
    return METHODS.contains(method) ? method : "other";
  }

  private void authorize(Request request, String template) throws IOException {
    if (template.startsWith(EventHandlers.PATH_PREFIX) && request.method().equals("POST")) {
      auth.checkEvent(request, EventHandlers.MAX_BODY_BYTES);
      request.headerOnSuccess(VERSION_HEADER, version);
    } else if (template.startsWith("/api/")) {
      if (auth.check(request) == AuthFilter.Credential.COOKIE) {
        BrowserSession.checkSameOrigin(request);
      }
      request.headerOnSuccess(VERSION_HEADER, version);
    } else if (template.equals("/metrics") && metricsAuth) {
      try {
        auth.check(request);
      } catch (ApiException e) {
        // Argo answers 403 here, not 401: /metrics is not part of the API
        throw new ApiException(7, 403, "metrics: " + e.getMessage());
      }
    }
  }

  private static void fail(Request request, ApiException e) {
    if (request.status() != 0) return; // too late: the response has started
    try {
      ErrorWriter.write(request, e);
    } catch (IOException ignored) {
      // the client is gone
    }
  }
}
