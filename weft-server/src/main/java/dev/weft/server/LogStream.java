package dev.weft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.weft.controller.ControlPlane;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodeStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * A workflow's step logs, {@code {"result":{"content":..,"podName":..}}} per line, for every pod in
 * the order they started (or one pod: {@code podName}, or the per-pod path). {@code
 * logOptions.follow} keeps streaming new lines, and pods that start later, until the workflow
 * completes; {@code logOptions.tailLines} keeps each log's last lines; {@code grep} keeps the lines
 * matching a regular expression, in RE2 syntax: RE2/J matches in linear time, so no pattern can
 * make the server backtrack for ever. The container must be one of the pod's, so its name never
 * reaches a host path unchecked.
 */
final class LogStream {
  private static final long POLL_MILLIS = 250;
  private static final java.util.regex.Pattern CONTAINER_NAME =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private final ControlPlane plane;
  private final BooleanSupplier closing;

  LogStream(ControlPlane plane, BooleanSupplier closing) {
    this.plane = plane;
    this.closing = closing;
  }

  /** Where one log file has been read to, and the partial line after that. */
  private static final class Cursor {
    long offset;
    String partial = "";
    boolean started;
    boolean more; // the file held more than one read takes
  }

  /** What one read of a log takes at most: a step's gigabytes of output stream through in parts. */
  static final int CHUNK = 1 << 20;

  Object stream(Request r) throws IOException, InterruptedException {
    String ns = r.path("namespace");
    String name = r.path("name");
    Workflow wf = StoredObjects.get(plane.store(), Workflow.class, ns, name);
    String container = Optional.ofNullable(r.query("logOptions.container")).orElse("main");
    String wanted = r.path("podName") != null ? r.path("podName") : r.query("podName");
    boolean follow = "true".equals(r.query("logOptions.follow"));
    Integer tail = integer(r.query("logOptions.tailLines"), "logOptions.tailLines");
    Pattern grep = pattern(r.query("grep"));
    Framing framing = Framing.of(r);
    checkContainer(wf, wanted, container);
    Map<Path, Cursor> cursors = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    try (OutputStream out = r.stream(framing.contentType())) {
      while (true) {
        boolean last = !follow || wf.completed() || closing.getAsBoolean();
        boolean wrote = false;
        boolean more = false;
        for (String pod : pods(wf, wanted)) {
          if (plane.localPods().isEmpty()) { // on a cluster: the API server's pod log
            for (String line : clusterLines(wf, pod, container, seen, tail)) {
              if (grep != null && !grep.matcher(line).find()) continue;
              ObjectNode entry = Codec.json().createObjectNode();
              entry.putObject("result").put("content", line).put("podName", pod);
              framing.send(out, entry);
              wrote = true;
            }
            continue;
          }
          for (Path file : plane.localPods().orElseThrow().logFiles(wf, pod, container)) {
            Cursor c = cursors.computeIfAbsent(file, f -> new Cursor());
            List<String> lines = newLines(file, c, last, tail);
            more |= c.more;
            for (String line : lines) {
              if (grep != null && !grep.matcher(line).find()) continue;
              ObjectNode entry = Codec.json().createObjectNode();
              entry.putObject("result").put("content", line).put("podName", pod);
              framing.send(out, entry);
              wrote = true;
            }
          }
        }
        if (last && !more) break;
        if (!wrote) framing.keepAlive(out);
        out.flush();
        if (more) continue;
        Thread.sleep(POLL_MILLIS);
        Optional<Workflow> now = plane.store().get(Workflow.class, ns, name);
        if (now.isEmpty()) break;
        wf = now.get();
      }
    } catch (IOException gone) {
      // the client went away
    }
    return null;
  }

  /** The complete lines added since the cursor (all lines, the partial one too, when last). */
  private static List<String> newLines(Path file, Cursor c, boolean last, Integer tail)
      throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.exists(file)) return out;
    String chunk;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      if (length <= c.offset) {
        chunk = "";
      } else {
        // the rest of the file, a part at a time: a log is never cut short (a step's output is its
        // record), and never read whole into memory
        long from = c.offset;
        if (!c.started && tail != null) from = tailStart(raf, length, tail);
        long to = Math.min(length, from + CHUNK);
        byte[] bytes = new byte[(int) (to - from)];
        raf.seek(from);
        raf.readFully(bytes);
        int keep = to < length ? whole(bytes) : bytes.length;
        c.offset = from + keep;
        chunk = new String(bytes, 0, keep, StandardCharsets.UTF_8);
      }
      c.more = c.offset < length;
    }
    last = last && !c.more;
    String text = c.partial + chunk;
    if (text.indexOf('\n') < 0 && text.length() > CHUNK) text += "\n"; // a line too long to hold
    int end = text.lastIndexOf('\n');
    String complete = end < 0 ? "" : text.substring(0, end);
    c.partial = end < 0 ? text : text.substring(end + 1);
    if (end >= 0) out.addAll(complete.lines().toList());
    if (last && !c.partial.isEmpty()) {
      out.add(c.partial);
      c.partial = "";
    }
    if (!c.started && tail != null && out.size() > tail) {
      out = new ArrayList<>(out.subList(out.size() - tail, out.size()));
    }
    c.started = true;
    return out;
  }

  /** How much of a part ends on a line, else on a whole UTF-8 character, so none is cut in two. */
  private static int whole(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) if (bytes[i] == '\n') return i + 1;
    int lead = bytes.length - 1;
    while (lead > 0 && (bytes[lead] & 0xC0) == 0x80) lead--; // back over continuation bytes
    int b = bytes[lead] & 0xFF;
    int size = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    return bytes.length - lead >= size || lead == 0 ? bytes.length : lead;
  }

  /** Where the last {@code lines} lines of the file begin, found by reading back from the end. */
  private static long tailStart(RandomAccessFile raf, long length, int lines) throws IOException {
    long pos = length;
    int newlines = 0;
    byte[] buf = new byte[8192];
    // a final newline ends the last line rather than starting an empty one
    long scanEnd = length;
    if (length > 0) {
      raf.seek(length - 1);
      if (raf.read() == '\n') scanEnd = length - 1;
    }
    pos = scanEnd;
    while (pos > 0) {
      int n = (int) Math.min(buf.length, pos);
      raf.seek(pos - n);
      raf.readFully(buf, 0, n);
      for (int i = n - 1; i >= 0; i--) {
        if (buf[i] == '\n' && ++newlines == lines) return pos - n + i + 1;
      }
      pos -= n;
    }
    return 0;
  }

  private static List<String> pods(Workflow wf, String wanted) {
    List<String> pods = new ArrayList<>();
    if (wf.status() == null) return pods;
    wf.status().nodesOrEmpty().values().stream()
        .filter(n -> n.podName() != null)
        .filter(n -> wanted == null || wanted.equals(n.podName()))
        .sorted(
            Comparator.comparing(
                NodeStatus::startedAt, Comparator.nullsLast(Comparator.naturalOrder())))
        .forEach(n -> pods.add(n.podName()));
    return pods;
  }

  /**
   * Refuses a container the pod does not have: one named by none of the workflow's templates and
   * with no log in the selected pods ({@code main} always exists, as on Argo).
   */
  private void checkContainer(Workflow wf, String wanted, String container) {
    if (container.length() > 63 || !CONTAINER_NAME.matcher(container).matches()) {
      throw ApiException.invalid(
          "logOptions.container: \""
              + container
              + "\" is not a container name (lower-case letters, digits and '-', at most 63)");
    }
    Set<String> known = new TreeSet<>(Set.of("main"));
    List<dev.weft.model.spec.Container> named = new ArrayList<>();
    for (var t : wf.spec().templatesOrEmpty()) {
      if (t.containerSet() != null && t.containerSet().containers() != null) {
        named.addAll(t.containerSet().containers());
      }
      named.addAll(t.initContainersOrEmpty());
      named.addAll(t.sidecarsOrEmpty());
    }
    named.stream().map(c -> c.name()).filter(n -> n != null).forEach(known::add);
    if (known.contains(container)) return;
    for (String pod : pods(wf, wanted)) {
      if (plane.localPods().isEmpty()) {
        if (plane.pods().logs(wf, pod, container).isPresent()) return;
      } else if (Files.exists(
          plane.localPods().orElseThrow().logFiles(wf, pod, container).get(0))) {
        return;
      }
    }
    throw ApiException.notFound(
        "container \""
            + container
            + "\" is not valid for "
            + (wanted == null ? "the pods of workflow " + wf.metadata().name() : "pod " + wanted)
            + " (containers: "
            + String.join(", ", known)
            + ")");
  }

  private static Integer integer(String text, String field) {
    if (text == null || text.isBlank()) return null;
    try {
      int n = Integer.parseInt(text);
      if (n < 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(
          field + ": expected a non-negative integer, found \"" + text + "\"");
    }
  }

  private static Pattern pattern(String grep) {
    if (grep == null || grep.isEmpty()) return null;
    try {
      return dev.weft.expr.Regexes.compile(grep);
    } catch (PatternSyntaxException e) {
      throw ApiException.invalid("grep: not a regular expression: " + e.getMessage());
    }
  }

  /**
   * The lines of a pod's log on a cluster not sent yet ({@code seen} counts them per pod); the
   * first read keeps only the last {@code tail}.
   */
  private List<String> clusterLines(
      Workflow wf, String pod, String container, Map<String, Integer> seen, Integer tail) {
    String text = plane.pods().logs(wf, pod, container).orElse("");
    List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines = lines.subList(0, lines.size() - 1);
    }
    int from = seen.getOrDefault(pod, -1);
    if (from < 0) from = tail == null ? 0 : Math.max(0, lines.size() - tail);
    seen.put(pod, lines.size());
    return from >= lines.size() ? List.of() : lines.subList(from, lines.size());
  }
}
