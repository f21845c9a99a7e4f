package dev.weft.executor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in image profiles (see the README's table):
 *
 * <ul>
 *   <li>{@code python[:*]}: {@code python} runs the host's {@code /usr/bin/python3}
 *   <li>{@code node[:*]}: {@code node} runs the host's {@code /usr/bin/node}
 *   <li>{@code argoproj/argosay:v2}: entrypoint {@code argosay} (echo, cat, sleep, exit,
 *       assert_exists, assert_contains, sh; no args prints "hello argo"), also at {@code /argosay},
 *       plus {@code cowsay}
 *   <li>{@code argoproj/argosay:v1}: entrypoint {@code argosay}, cowsay-like, plus {@code cowsay}
 *   <li>{@code docker/whalesay[:*]}: {@code cowsay MESSAGE} draws the Docker whale
 *   <li>anything else: no shims; the host's tools run
 * </ul>
 *
 * Shim directories are written once under the shim root, in directories named by a hash of their
 * content, so several executors can share one root.
 */
public final class ImageProfiles {
  private static final String PYTHON_SHIM = "#!/bin/sh\nexec /usr/bin/python3 \"$@\"\n";
  private static final String NODE_SHIM = "#!/bin/sh\nexec /usr/bin/node \"$@\"\n";

  private final Path shimRoot;
  private final Map<String, Path> shimDirs = new ConcurrentHashMap<>();

  public ImageProfiles(Path shimRoot) {
    this.shimRoot = shimRoot.toAbsolutePath();
  }

  /** Profiles whose shims live under {@code java.io.tmpdir}/weft-shims. */
  public static ImageProfiles inTempDir() {
    return new ImageProfiles(Path.of(System.getProperty("java.io.tmpdir"), "weft-shims"));
  }

  /** The profile for an image reference. */
  public ImageProfile profileFor(String image) {
    String ref = normalize(image);
    String repository = repository(ref);
    return switch (repository) {
      case "python" ->
          new ImageProfile("python", List.of(), Map.of("python", PYTHON_SHIM), Map.of());
      case "node" -> new ImageProfile("node", List.of(), Map.of("node", NODE_SHIM), Map.of());
      case "argoproj/argosay" -> ref.equals("argoproj/argosay:v1") ? argosayV1() : argosayV2();
      case "docker/whalesay" ->
          new ImageProfile("whalesay", List.of(), Map.of("cowsay", cowsay("whale")), Map.of());
      default -> new ImageProfile("host", List.of(), Map.of(), Map.of());
    };
  }

  private static ImageProfile argosayV2() {
    return new ImageProfile(
        "argosay-v2",
        List.of("argosay"),
        Map.of("argosay", resource("argosay.py"), "cowsay", cowsay("cow")),
        Map.of("/argosay", "argosay"));
  }

  private static ImageProfile argosayV1() {
    return new ImageProfile(
        "argosay-v1",
        List.of("argosay"),
        Map.of("argosay", cowsay("cow"), "cowsay", cowsay("cow")),
        Map.of());
  }

  private static String cowsay(String figure) {
    return resource("cowsay.py").replace("@FIGURE@", figure);
  }

  /** The image reference without registry host, {@code library/} prefix or digest. */
  static String normalize(String image) {
    String ref = image.strip();
    int digest = ref.indexOf('@');
    if (digest >= 0) {
      ref = ref.substring(0, digest);
    }
    int slash = ref.indexOf('/');
    if (slash > 0) {
      String first = ref.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        ref = ref.substring(slash + 1); // a registry host
      }
    }
    if (ref.startsWith("library/")) {
      ref = ref.substring("library/".length());
    }
    return ref;
  }

  private static String repository(String ref) {
    int colon = ref.lastIndexOf(':');
    return colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
  }

  /** The host directory holding the profile's shim programs, written on first use. */
  public Path shimDir(ImageProfile profile) {
    String key = profile.name() + "-" + digest(profile.programs());
    return shimDirs.computeIfAbsent(key, k -> materialize(k, profile.programs()));
  }

  private Path materialize(String key, Map<String, String> programs) {
    Path target = shimRoot.resolve(key);
    if (Files.isDirectory(target)) {
      return target;
    }
    try {
      Files.createDirectories(shimRoot);
      Path staging = Files.createTempDirectory(shimRoot, key + ".tmp");
      for (Map.Entry<String, String> program : programs.entrySet()) {
        Path file = staging.resolve(program.getKey());
        Files.writeString(file, program.getValue());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        FileTrees.deleteQuietly(staging);
      } catch (IOException e) {
        FileTrees.deleteQuietly(staging);
        if (!Files.isDirectory(target)) {
          throw e;
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write shims to " + target, e);
    }
  }

  private static String digest(Map<String, String> programs) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> program : new TreeMap<>(programs).entrySet()) {
        sha.update(
            (program.getKey() + "\0" + program.getValue() + "\0").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ImageProfiles.class.getResourceAsStream("shims/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing shim resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
