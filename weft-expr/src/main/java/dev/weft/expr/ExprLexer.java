package dev.weft.expr;

import dev.weft.expr.ExprToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits expr-lang source into tokens, following expr's lexer (parser/lexer/state.go). */
final class ExprLexer {
  private static final Set<String> WORD_OPERATORS =
      Set.of("in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let");
  private static final Set<String> NEGATABLE =
      Set.of("in", "matches", "contains", "startsWith", "endsWith");

  private final String src;
  private int pos;
  private final List<ExprToken> out = new ArrayList<>();

  private ExprLexer(String src) {
    this.src = src;
  }

  static List<ExprToken> tokenize(String src) {
    ExprLexer l = new ExprLexer(src);
    l.run();
    return l.out;
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private boolean more() {
    return pos < src.length();
  }

  private void emit(Kind kind, String value, int start) {
    out.add(new ExprToken(kind, value, start + 1));
  }

  private void run() {
    while (more()) {
      char c = src.charAt(pos);
      int start = pos;
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '\'' || c == '"') {
        emit(Kind.STRING, string(c), start);
      } else if (c == '`') {
        int end = src.indexOf('`', pos + 1);
        if (end < 0) {
          throw new ExprException("literal not terminated", start + 1);
        }
        emit(Kind.STRING, src.substring(pos + 1, end), start);
        pos = end + 1;
      } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
        emit(Kind.NUMBER, number(), start);
      } else if (c == '/' && (peek(1) == '/' || peek(1) == '*')) {
        comment();
      } else if (c == '?') {
        pos++;
        if (peek(0) == '.' || peek(0) == '?') {
          pos++;
        }
        emit(Kind.OPERATOR, src.substring(start, pos), start);
      } else if (c == '#') {
        pos++;
        if (peek(0) == '#') {
          pos++;
        }
        emit(Kind.OPERATOR, src.substring(start, pos), start);
        int identStart = pos;
        while (more() && isAlnum(src.charAt(pos))) {
          pos++;
        }
        if (pos > identStart) {
          emit(Kind.IDENTIFIER, src.substring(identStart, pos), identStart);
        }
      } else if (c == '|' || c == ':') {
        pos++;
        if (peek(0) == c) {
          pos++;
        }
        emit(Kind.OPERATOR, src.substring(start, pos), start);
      } else if ("([{)]}".indexOf(c) >= 0) {
        pos++;
        emit(Kind.BRACKET, String.valueOf(c), start);
      } else if (",;%+-^/".indexOf(c) >= 0) {
        pos++;
        emit(Kind.OPERATOR, String.valueOf(c), start);
      } else if ("&!=*<>".indexOf(c) >= 0) {
        pos++;
        char n = peek(0);
        if (n == '&' || n == '=' || n == '*') {
          pos++;
        }
        emit(Kind.OPERATOR, src.substring(start, pos), start);
      } else if (c == '.') {
        pos++;
        if (peek(0) == '.') {
          pos++;
        }
        emit(Kind.OPERATOR, src.substring(start, pos), start);
      } else if (isAlnum(c)) {
        identifier();
      } else {
        throw new ExprException(
            String.format("unrecognized character: U+%04X '%c'", (int) c, c), start + 1);
      }
    }
    out.add(new ExprToken(Kind.EOF, "", src.length() + 1));
  }

  static boolean isAlnum(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private void identifier() {
    int start = pos;
    while (more() && isAlnum(src.charAt(pos))) {
      pos++;
    }
    String word = src.substring(start, pos);
    if (word.equals("not")) {
      emit(Kind.OPERATOR, word, start);
      int save = pos;
      while (more() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
      int next = pos;
      while (more() && isAlnum(src.charAt(pos))) {
        pos++;
      }
      String follow = src.substring(next, pos);
      if (NEGATABLE.contains(follow)) {
        emit(Kind.OPERATOR, follow, next);
      } else {
        pos = save;
      }
    } else if (WORD_OPERATORS.contains(word) || word.equals("if") || word.equals("else")) {
      emit(Kind.OPERATOR, word, start);
    } else {
      emit(Kind.IDENTIFIER, word, start);
    }
  }

  private String number() {
    int start = pos;
    String digits = "0123456789_";
    if (peek(0) == '0' && "xXoObB".indexOf(peek(1)) >= 0 && peek(1) != '\0') {
      char radix = Character.toLowerCase(peek(1));
      digits = radix == 'x' ? "0123456789abcdefABCDEF_" : radix == 'o' ? "01234567_" : "01_";
      pos += 2;
    }
    acceptRun(digits);
    if (peek(0) == '.' && peek(1) != '.') {
      pos++;
      acceptRun(digits);
    }
    if (peek(0) == 'e' || peek(0) == 'E') {
      pos++;
      if (peek(0) == '+' || peek(0) == '-') {
        pos++;
      }
      acceptRun(digits);
    }
    if (more() && isAlnum(src.charAt(pos))) {
      pos++;
      throw new ExprException(
          "bad number syntax: \"" + src.substring(start, pos) + "\"", start + 1);
    }
    return src.substring(start, pos);
  }

  private void acceptRun(String chars) {
    while (more() && chars.indexOf(src.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private void comment() {
    int start = pos;
    if (peek(1) == '/') {
      while (more() && src.charAt(pos) != '\n') {
        pos++;
      }
      return;
    }
    int end = src.indexOf("*/", pos + 2);
    if (end < 0) {
      throw new ExprException("unclosed comment", start + 1);
    }
    pos = end + 2;
  }

  private String string(char quote) {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (!more() || src.charAt(pos) == '\n') {
        throw new ExprException("literal not terminated", start + 1);
      }
      char c = src.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (!more()) {
        throw new ExprException("literal not terminated", start + 1);
      }
      char e = src.charAt(pos++);
      switch (e) {
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'v' -> sb.append('\u000b');
        case '\\', '\'', '"', '`' -> sb.append(e);
        case 'x' -> sb.append((char) hex(2, start));
        case 'u' -> sb.appendCodePoint(hex(4, start));
        case 'U' -> sb.appendCodePoint(hex(8, start));
        default -> {
          if (e >= '0' && e <= '7') {
            pos--;
            int v = 0;
            for (int i = 0; i < 3; i++) {
              char d = peek(0);
              if (d < '0' || d > '7') {
                throw new ExprException("invalid char escape", pos + 1);
              }
              v = v * 8 + (d - '0');
              pos++;
            }
            sb.append((char) v);
          } else {
            throw new ExprException("invalid char escape", pos);
          }
        }
      }
    }
  }

  private int hex(int n, int start) {
    if (pos + n > src.length()) {
      throw new ExprException("invalid char escape", start + 1);
    }
    try {
      int v = Integer.parseInt(src.substring(pos, pos + n), 16);
      pos += n;
      return v;
    } catch (NumberFormatException ex) {
      throw new ExprException("invalid char escape", pos + 1);
    }
  }
}
