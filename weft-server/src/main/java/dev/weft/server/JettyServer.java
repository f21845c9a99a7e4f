package dev.weft.server;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.gzip.GzipEncoderConfig;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty, as the server's HTTP layer: one connector speaking HTTP/1.1 and cleartext HTTP/2 (by prior
 * knowledge or by {@code Upgrade: h2c}), handlers on virtual threads (a stream blocks its thread
 * for as long as it lasts), gzip for clients that accept it, and Argo's error form for the errors
 * Jetty answers itself.
 */
final class JettyServer implements AutoCloseable {
  /**
   * The request line and headers: 64 KiB, room for a long token twice (header and cookie) and a
   * browser's other cookies; Jetty answers 431 beyond.
   */
  static final int MAX_HEADER_BYTES = 64 * 1024;

  /**
   * Jetty's start-up lines are not the operator's business: warnings and errors only, unless the
   * logging configuration says otherwise. Held here, as java.util.logging holds loggers weakly.
   */
  private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

  static {
    if (JETTY_LOG.getLevel() == null) JETTY_LOG.setLevel(Level.WARNING);
  }

  private final Server server;
  private final ServerConnector connector;
  private final Set<Thread> handling = ConcurrentHashMap.newKeySet();

  private JettyServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Binds the port now (so that a port 0 is known before the handlers are made). */
  static JettyServer bind(InetAddress address, int port) throws IOException {
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("weft-http");
    pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    ServerConnector connector =
        new ServerConnector(
            server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
    connector.setHost(address.getHostAddress());
    connector.setPort(port);
    server.addConnector(connector);
    server.setErrorHandler(new ApiErrorHandler());
    server.setStopTimeout(500);
    connector.open();
    return new JettyServer(server, connector);
  }

  Server server() {
    return server;
  }

  int port() {
    return connector.getLocalPort();
  }

  /** Starts answering every request with the router. */
  void start(Router router) throws IOException {
    Handler entry =
        new Handler.Abstract() {
          @Override
          public boolean handle(
              org.eclipse.jetty.server.Request request, Response response, Callback callback) {
            Thread self = Thread.currentThread();
            handling.add(self);
            try {
              router.handle(new Request(request, response));
              callback.succeeded();
            } catch (Throwable t) {
              callback.failed(t);
            } finally {
              handling.remove(self);
              Thread.interrupted(); // an interrupt from close() ends with the request
            }
            return true;
          }
        };
    server.setHandler(compression(entry));
    try {
      server.start();
    } catch (Exception e) {
      throw new IOException("cannot start the HTTP server: " + e.getMessage(), e);
    }
  }

  /**
   * Gzip for JSON, text and the UI's files. Streams stay live: each flush of a compressed stream is
   * a gzip sync flush, and Server-Sent Events are never compressed. Request bodies are not
   * decompressed: the body limit is on what arrives.
   */
  private static Handler compression(Handler entry) {
    GzipCompression gzip = new GzipCompression();
    GzipEncoderConfig encoder = new GzipEncoderConfig();
    encoder.setSyncFlush(true);
    gzip.setDefaultEncoderConfig(encoder);
    CompressionHandler handler = new CompressionHandler(entry);
    handler.putCompression(gzip);
    handler.putConfiguration(
        "/*",
        CompressionConfig.builder()
            .defaults()
            .compressExcludeMimeType("text/event-stream")
            .decompressExcludePath("/*")
            .build());
    return handler;
  }

  /** Stops within about a second: long-lived streams are interrupted rather than awaited. */
  @Override
  public void close() {
    handling.forEach(Thread::interrupt);
    try {
      server.stop();
    } catch (Exception e) {
      // stopping anyway: the connector is closed
    }
    handling.forEach(Thread::interrupt);
  }
}
