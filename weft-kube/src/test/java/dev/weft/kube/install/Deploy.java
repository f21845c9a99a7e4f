package dev.weft.kube.install;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The install artifacts under the repository's {@code deploy/} folder, found from a test. */
final class Deploy {
  private Deploy() {}

  /**
   * The repository root: surefire sets {@code weft.shared} to {@code <root>/../shared}; otherwise
   * the nearest folder above {@code user.dir} (the module, under surefire) holding {@code deploy/}.
   */
  static Path root() {
    String shared = System.getProperty("weft.shared");
    if (shared != null && shared.endsWith("/../shared")) {
      Path root = Path.of(shared.substring(0, shared.length() - "/../shared".length()));
      if (Files.isDirectory(root.resolve("deploy"))) {
        return root.toAbsolutePath().normalize();
      }
    }
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no deploy/ folder above " + System.getProperty("user.dir"));
  }

  static Path dir() {
    return root().resolve("deploy");
  }

  static Path chart() {
    return dir().resolve("helm/weft");
  }

  /** Every plain manifest: the YAML under deploy/ outside the Helm chart, less kustomizations. */
  static List<Path> manifests() {
    Path chartDir = dir().resolve("helm");
    try (Stream<Path> files = Files.walk(dir())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
          .filter(p -> !p.startsWith(chartDir))
          .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kustomization.yaml files under deploy/. */
  static List<Path> kustomizations() {
    try (Stream<Path> files = Files.walk(dir())) {
      return files
          .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> manifestsIn(String subdir) {
    Path d = dir().resolve(subdir);
    return manifests().stream().filter(p -> p.getParent().equals(d)).toList();
  }

  /** The objects of one (multi-document) YAML file, typed by fabric8 where it knows the kind. */
  static List<HasMetadata> load(KubernetesClient client, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return client.load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<HasMetadata> load(KubernetesClient client, String yaml) {
    return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
  }

  static List<HasMetadata> loadAll(KubernetesClient client, List<Path> files) {
    List<HasMetadata> all = new ArrayList<>();
    for (Path f : files) {
      all.addAll(load(client, f));
    }
    return all;
  }

  /** The rules of every Role and ClusterRole among the objects. */
  static List<PolicyRule> rules(List<HasMetadata> objects) {
    List<PolicyRule> rules = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof Role r && r.getRules() != null) {
        rules.addAll(r.getRules());
      } else if (o instanceof ClusterRole r && r.getRules() != null) {
        rules.addAll(r.getRules());
      }
    }
    return rules;
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
