package dev.weft.model.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps a JSON pointer within one document to where it was written, so errors found after parsing
 * (in the engine or the linter) can still name a line and column.
 */
public final class LocationIndex {
  private final String file;
  private final Map<String, SourceLocation> byPointer = new HashMap<>();

  public LocationIndex(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  void put(String pointer, int line, int column) {
    byPointer.putIfAbsent(pointer, new SourceLocation(file, line, column));
  }

  /** The location of the pointer, or of its nearest written ancestor. */
  public SourceLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      SourceLocation at = byPointer.get(p);
      if (at != null) return at;
      if (p.isEmpty()) return SourceLocation.unknown(file);
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** A JSON pointer in the dotted form users read: {@code spec.templates[0].name}. */
  public static String fieldPath(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) continue;
      String token = part.replace("~1", "/").replace("~0", "~");
      if (token.chars().allMatch(Character::isDigit)) {
        out.append('[').append(token).append(']');
      } else {
        if (!out.isEmpty()) out.append('.');
        out.append(token);
      }
    }
    return out.toString();
  }

  public static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
