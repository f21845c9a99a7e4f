package dev.weft.cli.client;

import dev.weft.model.codec.LocationIndex;
import dev.weft.model.codec.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server checks what it is sent and names each problem at {@code body:line:col} with its field.
 * What was sent was read from the user's file, so each finding goes back to the line and column
 * where that field was written there.
 */
public final class ServerFindings {
  private static final Pattern FINDING =
      Pattern.compile("^body(?::\\d+:\\d+)?: (error|warning): (.*)$");
  private static final Pattern FIELD = Pattern.compile("^([A-Za-z0-9_.\\[\\]-]*): ");

  private ServerFindings() {}

  /** The message with its findings relocated into the file; empty when it has no findings. */
  public static List<String> relocate(String message, LocationIndex file) {
    List<String> out = new ArrayList<>();
    boolean any = false;
    for (String line : message.lines().toList()) {
      Matcher m = FINDING.matcher(line);
      if (!m.matches()) {
        out.add(line);
        continue;
      }
      any = true;
      Matcher field = FIELD.matcher(m.group(2));
      SourceLocation at =
          field.find() ? file.locate(pointer(field.group(1))) : SourceLocation.unknown(file.file());
      out.add(at + ": " + m.group(1) + ": " + m.group(2));
    }
    return any ? out : List.of();
  }

  /** {@code spec.templates[0].name} as the JSON pointer {@code /spec/templates/0/name}. */
  static String pointer(String field) {
    StringBuilder out = new StringBuilder();
    StringBuilder token = new StringBuilder();
    for (char c : field.toCharArray()) {
      if (c == '.' || c == '[' || c == ']') {
        if (!token.isEmpty()) out.append('/').append(token);
        token.setLength(0);
      } else {
        token.append(c == '~' ? "~0" : c == '/' ? "~1" : String.valueOf(c));
      }
    }
    if (!token.isEmpty()) out.append('/').append(token);
    return out.toString();
  }
}
