package dev.weft.kube.control;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.locks.LockSupport;

/**
 * client-go's --qps and --burst for fabric8, which has no client-side limit: a token bucket every
 * request takes a token from (watches too, once, when they open), so a burst of reconciles cannot
 * flood the API server.
 */
public final class ApiRateLimit implements Interceptor {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long last = System.nanoTime();

  ApiRateLimit(double qps, int burst) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException("--qps must be above 0 and --burst at least 1");
    }
    this.perNano = qps / 1e9;
    this.burst = burst;
    this.tokens = burst;
  }

  /** A client whose requests are limited to {@code qps}, with bursts of {@code burst}. */
  public static KubernetesClient client(KubernetesClientBuilder builder, double qps, int burst) {
    ApiRateLimit limit = new ApiRateLimit(qps, burst);
    return builder
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("weft-rate-limit", limit))
        .build();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    long wait = reserve();
    if (wait > 0) LockSupport.parkNanos(wait);
  }

  /** Takes a token; how long to wait for it. */
  synchronized long reserve() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) (-tokens / perNano);
  }
}
