package dev.weft.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches the router (a malformed or ambiguous
 * URI, headers too large): in Argo's form {@code {"code":N,"message":"..."}} on the API's paths, as
 * text elsewhere, never with a stack trace.
 */
final class ApiErrorHandler extends ErrorHandler {
  ApiErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    if (path == null || !path.startsWith("/api/")) {
      try {
        return super.handle(request, response, callback);
      } catch (Exception e) {
        callback.failed(e);
        return true;
      }
    }
    int status = response.getStatus();
    Object message = request.getAttribute(ERROR_MESSAGE);
    String text = message == null ? HttpStatus.getMessage(status) : message.toString();
    ApiException e = new ApiException(grpcCode(status), status, text);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(ErrorWriter.body(e)), callback);
    return true;
  }

  /** The gRPC code grpc-gateway maps to this HTTP status. */
  static int grpcCode(int status) {
    return switch (status) {
      case 400, 415 -> 3;
      case 401 -> 16;
      case 403 -> 7;
      case 404 -> 5;
      case 405, 501 -> 12;
      case 409 -> 10;
      case 413, 414, 429, 431 -> 8;
      case 503 -> 14;
      case 504 -> 4;
      case 500 -> 13;
      default -> 2;
    };
  }
}
