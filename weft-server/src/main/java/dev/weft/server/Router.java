package dev.weft.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dispatches requests to routes in registration order (literal segments are registered before
 * parameters), refuses hostile requests ({@link RequestGuard}), checks the token on {@code /api/},
 * counts requests and writes every error in Argo's form.
 */
public final class Router implements HttpHandler {
  private final List<Route> routes = new ArrayList<>();
  private final RequestGuard guard;
  private final AuthFilter auth;
  private final Metrics metrics;

  Router(RequestGuard guard, AuthFilter auth, Metrics metrics) {
    this.guard = guard;
    this.auth = auth;
    this.metrics = metrics;
  }

  public Router add(String method, String template, Route.Handler handler) {
    routes.add(Route.of(method, template, handler));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Request request = new Request(exchange);
    String template = "unmatched";
    try {
      guard.check(request);
      List<String> segments = Route.split(exchange.getRequestURI().getRawPath());
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
      if (found == null) {
        throw pathMatched
            ? ApiException.methodNotAllowed("method " + request.method() + " not allowed")
            : ApiException.notFound("no such path: " + exchange.getRequestURI().getPath());
      }
      if (template.startsWith("/api/")) auth.check(request);
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
      metrics.countRequest(request.method(), template, request.status());
      exchange.close();
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
