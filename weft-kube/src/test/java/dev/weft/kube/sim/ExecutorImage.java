package dev.weft.kube.sim;

import dev.weft.launcher.LauncherBinary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Weft's executor image as the simulated kubelet has it: a layer with `weft` (this JVM's runtime
 * and the test classpath, running the executor's entry point) and the static launcher, both in
 * {@code /weft/bin}. A real image is built from deploy/Dockerfile instead.
 */
public final class ExecutorImage {
  public static final String IMAGE = "ghcr.io/weft-dev/weft:0.1.0";
  // not /opt/weft: the executor keeps its image shims in /opt/weft/bin
  static final String PATH = "/weft";

  private ExecutorImage() {}

  public static ImageLayer build(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path lib = Files.createDirectories(dir.resolve("lib"));
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String e : cp.split(File.pathSeparator)) {
      Path p = Path.of(e);
      if (e.isBlank() || !Files.exists(p)) continue;
      String name = (i++) + "-" + p.getFileName();
      Path target = lib.resolve(name);
      if (Files.isDirectory(p)) copyTree(p, target);
      else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      entries.add(PATH + "/lib/" + name);
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    String script =
        "#!/bin/sh\n"
            + "# weft executor <command>, as the image's weft would run it\n"
            + "exec "
            + java
            + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx192m -Xss512k -cp "
            + String.join(":", entries)
            + " dev.weft.kube.exec.ExecutorMain \"$2\"\n";
    Path weft = bin.resolve("weft");
    Files.writeString(weft, script);
    weft.toFile().setExecutable(true, false);
    Path launcher =
        LauncherBinary.built().isPresent()
            ? Files.copy(
                LauncherBinary.built().get(),
                bin.resolve(LauncherBinary.FILE_NAME),
                StandardCopyOption.REPLACE_EXISTING)
            : LauncherBinary.extractTo(bin);
    launcher.toFile().setExecutable(true, false);
    for (Path p : List.of(dir, bin, lib)) p.toFile().setReadable(true, false);
    // the image's ENV, as deploy/Dockerfile sets it: file names are UTF-8 (Java needs telling)
    return new ImageLayer(
        "ghcr.io/weft-dev/weft",
        dir,
        PATH,
        Map.of("PATH", PATH + "/bin:" + ImageLayer.DEFAULT_PATH, "LANG", "C.UTF-8"));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
