package dev.weft.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK's client will not send: a foreign {@code
 * Host}, a declared length the body never reaches.
 */
final class RawHttp {
  private RawHttp() {}

  /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
  static ServerHarness.Response exchange(int port, String head, String body) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      String request =
          head.strip() + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      return read(s.getInputStream());
    }
  }

  /** Reads one response: its status and its body (up to the end of the stream or its length). */
  static ServerHarness.Response read(InputStream in) throws IOException {
    String status = line(in);
    int code = Integer.parseInt(status.split(" ")[1]);
    int length = -1;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      if (h.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(15).strip());
      }
    }
    byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
    return new ServerHarness.Response(code, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) throw new IOException("the connection closed mid-response");
      if (b != '\r') out.write(b);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
