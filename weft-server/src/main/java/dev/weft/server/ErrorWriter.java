package dev.weft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import dev.weft.store.SelectorSyntaxException;
import dev.weft.store.StoreException;
import java.io.IOException;

/**
 * Turns every failure into Argo's error body {@code {"code":N,"message":"..."}}; no stack trace
 * ever leaves the server.
 */
public final class ErrorWriter {
  private ErrorWriter() {}

  /** The API error a failure stands for; unexpected ones become a terse Internal error. */
  public static ApiException classify(Throwable t) {
    return switch (t) {
      case ApiException e -> e;
      case StoreException.NotFound e -> ApiException.notFound(e.getMessage());
      case StoreException.AlreadyExists e -> ApiException.alreadyExists(e.getMessage());
      case StoreException.Conflict e -> ApiException.aborted(e.getMessage());
      case StoreException.Invalid e -> ApiException.invalid(e.getMessage());
      case StoreException.TooOld e -> new ApiException(11, 410, e.getMessage());
      case SelectorSyntaxException e -> ApiException.invalid(e.getMessage());
      default -> {
        System.err.println("weft server: internal error: " + t);
        yield ApiException.internal("internal error: " + t.getClass().getSimpleName());
      }
    };
  }

  public static byte[] body(ApiException e) {
    ObjectNode node = Codec.json().createObjectNode();
    node.put("code", e.grpcCode());
    node.put("message", e.getMessage() == null ? "" : e.getMessage());
    node.putArray("details");
    return Codec.toJson(node).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  public static void write(Request request, ApiException e) throws IOException {
    request.respond(e.httpStatus(), "application/json", body(e));
  }
}
