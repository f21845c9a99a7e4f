package dev.weft.cli.client;

import dev.weft.model.Resource;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.Located;
import dev.weft.model.codec.ResourceDecoder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the files a create, submit or lint command is given, with the model's decoder: bad YAML and
 * wrong fields are reported at file:line:col here, before anything is sent.
 */
public final class ResourceFiles {
  private ResourceFiles() {}

  /**
   * The resources of {@code kind} in the files, each with its locations. Warnings (unknown fields)
   * are printed to {@code err}; errors, and resources of other kinds, throw {@link
   * ClientException#findings}.
   */
  @SuppressWarnings("unchecked")
  public static <T extends Resource> List<Located<T>> read(
      List<Path> files, ResourceKind kind, String command, PrintStream err) {
    List<Located<T>> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Path file : files) {
      Decoded decoded = ResourceDecoder.decodeFile(file);
      for (Diagnostic d : decoded.diagnostics()) {
        if (d.isError()) errors.add(d.format());
        else err.println(d.format());
      }
      for (Located<Resource> r : decoded.resources()) {
        if (kind.type().isInstance(r.value())) {
          out.add((Located<T>) (Located<?>) r);
        } else {
          errors.add(
              Diagnostic.error(
                      r.locations().locate("/kind"),
                      "kind",
                      "`weft "
                          + command
                          + "` takes a "
                          + kind.kind()
                          + "; this is a "
                          + r.value().kind())
                  .format());
        }
      }
    }
    if (!errors.isEmpty()) throw ClientException.findings(errors);
    return out;
  }
}
