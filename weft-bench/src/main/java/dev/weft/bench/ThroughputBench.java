package dev.weft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.Codec;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Throughput of the embedded server: N one-step workflows (a sandboxed `true` each) POSTed at once
 * to a `weft server` process on its SQLite store; workflows per second from the first request to
 * the last completion, the time to drain, and the server's peak RSS.
 */
final class ThroughputBench {
  private static final String SECTION = "throughput";
  private final Sizes sizes;
  private final Path work;

  ThroughputBench(Sizes sizes, Path work) {
    this.sizes = sizes;
    this.work = work;
  }

  void run(Report report) throws Exception {
    int n = sizes.throughputWorkflows();
    try (ServerChild server = new ServerChild(work.resolve("throughput"))) {
      long t0 = System.nanoTime();
      List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String yaml = Shapes.chain(String.format("tp-%05d", i), 1);
        String body = "{\"workflow\": " + Codec.toJson(Codec.tree(Shapes.decode(yaml))) + "}";
        posts.add(server.post("/api/v1/workflows/default", body));
      }
      for (var post : posts) {
        HttpResponse<String> r = post.join();
        if (r.statusCode() != 200) throw new IllegalStateException("submit refused: " + r.body());
      }
      double submitted = Stats.millis(System.nanoTime() - t0);
      while (completed(server) < n) Thread.sleep(500);
      double drain = Stats.millis(System.nanoTime() - t0);
      report.add(
          Figure.of(SECTION, n + " one-step workflows: all submitted after", submitted, "ms"));
      report.add(Figure.of(SECTION, n + " one-step workflows: drained after", drain / 1000, "s"));
      report.add(
          Figure.atLeast(
              SECTION, "workflows per second, submit to drain", n / (drain / 1000), "wf/s", 100));
      report.add(Figure.atMost(SECTION, "server peak RSS", server.peakRssMb(), "MB", 512));
    }
  }

  private static int completed(ServerChild server) throws Exception {
    JsonNode items =
        server
            .get(
                "/api/v1/workflows/default?listOptions.labelSelector=workflows.argoproj.io/completed%3Dtrue")
            .path("items");
    return items.size();
  }
}
