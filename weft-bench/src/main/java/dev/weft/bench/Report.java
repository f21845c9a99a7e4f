package dev.weft.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run: printed as a table, written as JSON; with notes that say what a figure
 * rests on (what each peer guarantees, whether the AOT cache was used).
 */
public final class Report {
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  public synchronized void add(Figure f) {
    figures.add(f);
  }

  public synchronized void note(String section, String text) {
    notes.add(section + ": " + text);
  }

  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  public synchronized void failed(String section, Throwable t) {
    failures.add(section + ": " + t);
  }

  public synchronized List<Figure> figures() {
    return List.copyOf(figures);
  }

  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  static String number(double v) {
    if (Double.isNaN(v)) return "n/a";
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
    if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%.0f", v);
    if (Math.abs(v) >= 10) return String.format(Locale.ROOT, "%.1f", v);
    if (Math.abs(v) >= 0.1) return String.format(Locale.ROOT, "%.2f", v);
    return String.format(Locale.ROOT, "%.4f", v);
  }

  public synchronized void print(PrintStream out) {
    String format = "%-11s %-64s %10s %-6s %-14s %s%n";
    out.printf(format, "SECTION", "FIGURE", "VALUE", "UNIT", "TARGET", "");
    for (Figure f : figures) {
      String verdict = f.holds() == null ? "" : f.holds() ? "holds" : "MISSED";
      out.printf(
          format,
          f.section(),
          f.name(),
          number(f.value()),
          f.unit(),
          f.target() == null ? "" : f.target(),
          verdict);
    }
    for (String note : notes) out.println("NOTE " + note);
    for (String failure : failures) out.println("FAILED " + failure);
  }

  public synchronized void write(Path file, String machine) throws IOException {
    ObjectNode root = Codec.json().createObjectNode();
    root.put("machine", machine);
    ArrayNode list = root.putArray("figures");
    for (Figure f : figures) {
      ObjectNode o = list.addObject();
      o.put("section", f.section())
          .put("name", f.name())
          .put("value", f.value())
          .put("unit", f.unit());
      if (f.target() != null) o.put("target", f.target()).put("holds", f.holds());
    }
    ArrayNode noted = root.putArray("notes");
    notes.forEach(noted::add);
    ArrayNode failed = root.putArray("failures");
    failures.forEach(failed::add);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, Codec.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }
}
