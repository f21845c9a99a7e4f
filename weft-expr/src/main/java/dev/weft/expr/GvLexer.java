package dev.weft.expr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** govaluate's tokenizer (parsing.go {@code readToken}), without user functions. */
final class GvLexer {
  static final Set<String> PREFIX = Set.of("-", "!", "~");
  static final Set<String> MODIFIER =
      Set.of("+", "-", "*", "/", "%", "**", "&", "|", "^", ">>", "<<");
  static final Set<String> LOGICAL = Set.of("&&", "||");
  static final Set<String> COMPARATOR = Set.of("==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in");
  static final Set<String> TERNARY = Set.of("?", ":", "??");
  private static final Map<String, DateTimeFormatter> LOCAL_FORMATS =
      Map.of(
          "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
          "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}",
              DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));

  private final String src;
  private int pos;

  private GvLexer(String src) {
    this.src = src;
  }

  static List<GvToken> tokenize(String src) {
    GvLexer l = new GvLexer(src);
    List<GvToken> out = new ArrayList<>();
    GvKind state = GvKind.UNKNOWN;
    while (l.pos < src.length()) {
      GvToken t = l.next(state);
      if (t == null) {
        break;
      }
      state = t.kind();
      out.add(t);
    }
    return out;
  }

  private GvToken next(GvKind state) {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    if (pos >= src.length()) {
      return null;
    }
    int start = pos;
    int col = start + 1;
    char c = src.charAt(pos);
    if (Character.isDigit(c) || c == '.') {
      if (c == '0' && pos + 1 < src.length() && src.charAt(pos + 1) == 'x') {
        pos += 2;
        String hex = readWhile(GvLexer::isHexDigit);
        try {
          return new GvToken(GvKind.NUMERIC, (double) Long.parseUnsignedLong(hex, 16), col);
        } catch (NumberFormatException e) {
          throw new ExprException("Unable to parse hex value '" + hex + "' to uint64", col);
        }
      }
      String num = readWhile(ch -> Character.isDigit(ch) || ch == '.');
      try {
        if (!num.matches("\\d*\\.?\\d*") || num.equals(".")) {
          throw new NumberFormatException();
        }
        return new GvToken(GvKind.NUMERIC, Double.parseDouble(num), col);
      } catch (NumberFormatException e) {
        throw new ExprException("Unable to parse numeric value '" + num + "' to float64", col);
      }
    }
    if (c == ',') {
      pos++;
      return new GvToken(GvKind.SEPARATOR, ",", col);
    }
    if (c == '[') {
      pos++;
      StringBuilder sb = new StringBuilder();
      if (!readEscaped(sb, ch -> ch != ']')) {
        throw new ExprException("Unclosed parameter bracket", col);
      }
      pos++;
      return new GvToken(GvKind.VARIABLE, sb.toString(), col);
    }
    if (Character.isLetter(c)) {
      return word(readWhile(GvLexer::isVariableName), col);
    }
    if (c == '\'' || c == '"') {
      pos++;
      StringBuilder sb = new StringBuilder();
      if (!readEscaped(sb, ch -> ch != '\'' && ch != '"')) {
        throw new ExprException("Unclosed string literal", col);
      }
      pos++;
      String s = sb.toString();
      Double time = tryParseTime(s);
      return time != null
          ? new GvToken(GvKind.TIME, time, col)
          : new GvToken(GvKind.STRING, s, col);
    }
    if (c == '(' || c == ')') {
      pos++;
      return new GvToken(c == '(' ? GvKind.CLAUSE : GvKind.CLAUSE_CLOSE, c, col);
    }
    String sym = readWhile(GvLexer::isSymbolChar);
    if (state.canTransitionTo(GvKind.PREFIX) && PREFIX.contains(sym)) {
      return new GvToken(GvKind.PREFIX, sym, col);
    }
    if (MODIFIER.contains(sym)) {
      return new GvToken(GvKind.MODIFIER, sym, col);
    }
    if (LOGICAL.contains(sym)) {
      return new GvToken(GvKind.LOGICALOP, sym, col);
    }
    if (COMPARATOR.contains(sym)) {
      return new GvToken(GvKind.COMPARATOR, sym, col);
    }
    if (TERNARY.contains(sym)) {
      return new GvToken(GvKind.TERNARY, sym, col);
    }
    throw new ExprException("Invalid token: '" + sym + "'", col);
  }

  private GvToken word(String w, int col) {
    if (w.equals("true") || w.equals("false")) {
      return new GvToken(GvKind.BOOLEAN, Boolean.valueOf(w), col);
    }
    if (w.equals("in") || w.equals("IN")) {
      return new GvToken(GvKind.COMPARATOR, "in", col);
    }
    if (w.indexOf('.') > 0) {
      if (w.endsWith(".")) {
        throw new ExprException("Hanging accessor on token '" + w + "'", col);
      }
      String[] parts = w.split("\\.", -1);
      for (int i = 1; i < parts.length; i++) {
        if (!parts[i].isEmpty()) {
          int first = parts[i].codePointAt(0);
          if (Character.toUpperCase(first) != first) {
            throw new ExprException(
                "Unable to access unexported field '" + parts[i] + "' in token '" + w + "'", col);
          }
        }
      }
      return new GvToken(GvKind.ACCESSOR, parts, col);
    }
    return new GvToken(GvKind.VARIABLE, w, col);
  }

  private interface CharTest {
    boolean test(char c);
  }

  /** Reads characters while {@code test} holds, stopping at whitespace. */
  private String readWhile(CharTest test) {
    int start = pos;
    while (pos < src.length()
        && !Character.isWhitespace(src.charAt(pos))
        && test.test(src.charAt(pos))) {
      pos++;
    }
    return src.substring(start, pos);
  }

  /** Reads (keeping whitespace, honouring backslash escapes) up to a character failing test. */
  private boolean readEscaped(StringBuilder sb, CharTest test) {
    while (pos < src.length()) {
      char ch = src.charAt(pos);
      if (ch == '\\') {
        pos++;
        if (pos < src.length()) {
          sb.append(src.charAt(pos++));
        }
        continue;
      }
      if (!test.test(ch)) {
        return true;
      }
      sb.append(ch);
      pos++;
    }
    return false;
  }

  private static boolean isHexDigit(char c) {
    return Character.isDigit(c) || "abcdefABCDEF".indexOf(c) >= 0;
  }

  private static boolean isVariableName(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private static boolean isSymbolChar(char c) {
    return !(Character.isLetterOrDigit(c) || "()[]'\"".indexOf(c) >= 0);
  }

  /** govaluate turns quoted strings that parse as times into Unix seconds. */
  static Double tryParseTime(String s) {
    try {
      return (double) OffsetDateTime.parse(s).toEpochSecond();
    } catch (DateTimeParseException e) {
      // not RFC 3339
    }
    if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return (double) LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    for (Map.Entry<String, DateTimeFormatter> f : LOCAL_FORMATS.entrySet()) {
      if (s.matches(f.getKey())) {
        try {
          return (double) LocalDateTime.parse(s, f.getValue()).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          return null;
        }
      }
    }
    return null;
  }
}
