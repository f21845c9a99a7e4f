package dev.weft.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One complete {@code committed VERSION TYPE NAME;} line of a {@link CrashWriter}. */
record CommittedLine(long version, WatchEvent.Type type, String name) {
  private static final Pattern LINE = Pattern.compile("committed (\\d+) ([A-Z]+) (\\S+);");

  /** The line, if it is a complete one (a line cut short by a kill is not). */
  static Optional<CommittedLine> parse(String line) {
    Matcher m = LINE.matcher(line);
    return m.matches()
        ? Optional.of(
            new CommittedLine(
                Long.parseLong(m.group(1)), WatchEvent.Type.valueOf(m.group(2)), m.group(3)))
        : Optional.empty();
  }

  /** The next complete line, skipping others; empty at the end of the output. */
  static Optional<CommittedLine> next(BufferedReader in) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      Optional<CommittedLine> parsed = parse(line);
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    return Optional.empty();
  }
}
