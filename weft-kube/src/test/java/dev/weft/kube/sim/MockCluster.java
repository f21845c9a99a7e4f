package dev.weft.kube.sim;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API for tests: fabric8's mock server in CRUD mode on loopback (plain HTTP), with
 * Argo's CRDs created, {@code pods/log} served from the simulated kubelet, and every pod creation
 * counted. See the design note (kubernetes-mode.md §4) for where the mock differs from a real API
 * server; code under test must not lean on those differences (no pod PUT, no {@code in}/{@code
 * notin} selectors, no field selectors beyond name and namespace).
 */
public final class MockCluster implements AutoCloseable {
  // Held so the level sticks: JUL keeps loggers only weakly.
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(Level.OFF); // the mock logs every request at INFO
  }

  private final ClusterDispatcher dispatcher = new ClusterDispatcher();
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  public MockCluster() {
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = newClient("default");
    for (CustomResourceDefinition crd : ArgoCrds.all()) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
  }

  /** A client of this cluster on the JDK HTTP client, in namespace {@code default}. */
  public KubernetesClient client() {
    return client;
  }

  /** Another client, e.g. one per simulated process; the caller closes it. */
  public KubernetesClient newClient(String namespace) {
    return new KubernetesClientBuilder()
        .withConfig(config(namespace))
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  private Config config(String namespace) {
    // Config.empty(): nothing from ~/.kube, the environment or a service account on this machine.
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url())
        .withNamespace(namespace)
        .withTrustCerts(true)
        .withRequestRetryBackoffLimit(0)
        .build();
  }

  /** The API server's base URL, e.g. {@code http://127.0.0.1:41234/}. */
  public String url() {
    return server.url("/");
  }

  /**
   * Writes a kubeconfig for this cluster (no credentials: the mock checks none), so another
   * process, e.g. a {@code weft} command or a step inside a pod, can reach it.
   */
  public Path writeKubeconfig(Path file, String namespace) {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: weft-mock
          cluster:
            server: %s
        users:
        - name: weft-mock
          user: {}
        contexts:
        - name: weft-mock
          context:
            cluster: weft-mock
            user: weft-mock
            namespace: %s
        current-context: weft-mock
        """
            .formatted(url().replaceAll("/$", ""), namespace);
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Successful pod creations (POSTs the server accepted) by {@code namespace/name}; a value above 1
   * means a pod was created, deleted and created again.
   */
  public Map<String, Integer> podCreations() {
    return dispatcher.podCreations();
  }

  /** Serves {@code GET .../pods/{name}/log} from the given source (the simulated kubelet). */
  void serveLogsFrom(ClusterDispatcher.LogSource source) {
    dispatcher.serveLogsFrom(source);
  }

  @Override
  public void close() {
    client.close();
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      // The mock's own shutdown race (fabric8 #7857, #7867): a watch closing while the server
      // stops blocks its event loop until the stop times out. The test is over; only its port
      // is released late.
      System.err.println("mock API server: " + e.getMessage() + " (its known shutdown race)");
    }
  }
}
