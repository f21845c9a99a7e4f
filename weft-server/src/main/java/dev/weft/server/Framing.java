package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How a streamed answer frames its messages, as Argo's gateway does: Server-Sent Events ({@code
 * data: ...} and a blank line) when the client sends {@code Accept: text/event-stream}, else one
 * JSON object per line.
 */
record Framing(boolean sse) {
  static Framing of(Request r) {
    String accept = r.header("Accept");
    return new Framing(accept != null && accept.contains("text/event-stream"));
  }

  String contentType() {
    return sse ? "text/event-stream" : "application/json";
  }

  void send(OutputStream out, JsonNode message) throws IOException {
    String json = Codec.toJson(message);
    out.write((sse ? "data: " + json + "\n\n" : json + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Something to write while idle, so a client that went away is noticed. */
  void keepAlive(OutputStream out) throws IOException {
    out.write((sse ? ":\n\n" : "\n").getBytes(StandardCharsets.UTF_8));
  }
}
