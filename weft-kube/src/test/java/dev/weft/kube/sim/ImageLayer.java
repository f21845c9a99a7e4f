package dev.weft.kube.sim;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Files an image would bring that the executor's image profiles do not: a host directory mounted
 * read-only at {@code containerPath} in every container whose image starts with {@code
 * imagePrefix}, plus environment the image sets (the pod's own env wins, as it wins over an image's
 * ENV). Used for Weft's own executor image, whose layer holds the weft jars and launcher.
 */
public record ImageLayer(
    String imagePrefix, Path hostDir, String containerPath, Map<String, String> env) {
  /** The PATH a container starts with (the executor's default), to extend in {@link #env}. */
  public static final String DEFAULT_PATH =
      "/opt/weft/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  public ImageLayer {
    Objects.requireNonNull(imagePrefix, "imagePrefix");
    hostDir = hostDir.toAbsolutePath().normalize();
    Objects.requireNonNull(containerPath, "containerPath");
    env = Map.copyOf(env);
  }

  /** A layer whose {@code bin} directory comes first on PATH. */
  public static ImageLayer withBin(String imagePrefix, Path hostDir, String containerPath) {
    return new ImageLayer(
        imagePrefix,
        hostDir,
        containerPath,
        Map.of("PATH", containerPath + "/bin:" + DEFAULT_PATH));
  }

  boolean matches(String image) {
    return image != null && image.startsWith(imagePrefix);
  }
}
