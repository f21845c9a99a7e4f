package dev.weft.store;

import dev.weft.store.LabelRequirement.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Recursive-descent parser for Kubernetes label selectors. */
final class SelectorParser {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final String text;
  private int pos;

  SelectorParser(String text) {
    this.text = text == null ? "" : text;
  }

  List<LabelRequirement> parse() {
    List<LabelRequirement> out = new ArrayList<>();
    skipSpace();
    if (atEnd()) {
      return out;
    }
    while (true) {
      out.add(requirement());
      skipSpace();
      if (atEnd()) {
        return out;
      }
      if (peek() != ',') {
        throw error("expected ',' between requirements, found '" + peek() + "'");
      }
      pos++;
    }
  }

  private LabelRequirement requirement() {
    skipSpace();
    if (!atEnd() && peek() == '!') {
      pos++;
      skipSpace();
      return new LabelRequirement(key(), Operator.DOES_NOT_EXIST, List.of());
    }
    String key = key();
    skipSpace();
    if (atEnd() || peek() == ',') {
      return new LabelRequirement(key, Operator.EXISTS, List.of());
    }
    if (text.startsWith("==", pos)) {
      pos += 2;
      return new LabelRequirement(key, Operator.EQUALS, List.of(value()));
    }
    if (text.startsWith("!=", pos)) {
      pos += 2;
      return new LabelRequirement(key, Operator.NOT_EQUALS, List.of(value()));
    }
    if (peek() == '=') {
      pos++;
      return new LabelRequirement(key, Operator.EQUALS, List.of(value()));
    }
    int start = pos;
    String word = word();
    return switch (word) {
      case "in" -> new LabelRequirement(key, Operator.IN, valueSet());
      case "notin" -> new LabelRequirement(key, Operator.NOT_IN, valueSet());
      default -> {
        pos = start;
        throw error(
            "expected one of '=', '==', '!=', 'in', 'notin' or ',' after key \""
                + key
                + "\", found "
                + (word.isEmpty() ? "'" + peek() + "'" : "\"" + word + "\""));
      }
    };
  }

  private List<String> valueSet() {
    skipSpace();
    if (atEnd() || peek() != '(') {
      throw error("expected '(' to open the set of values");
    }
    pos++;
    List<String> values = new ArrayList<>();
    skipSpace();
    if (!atEnd() && peek() == ')') {
      throw error("the set of values for 'in' and 'notin' must not be empty");
    }
    while (true) {
      values.add(value());
      skipSpace();
      if (atEnd()) {
        throw error("expected ')' to close the set of values");
      }
      char c = peek();
      pos++;
      if (c == ')') {
        return values;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ')' in the set of values, found '" + c + "'");
      }
    }
  }

  private String key() {
    int start = pos;
    String key = word();
    if (key.isEmpty()) {
      throw error(
          atEnd() ? "expected a label key" : "expected a label key, found '" + peek() + "'");
    }
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    String prefix = slash < 0 ? null : key.substring(0, slash);
    boolean prefixOk =
        prefix == null || (prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches());
    if (!prefixOk || name.length() > 63 || !NAME.matcher(name).matches()) {
      pos = start;
      throw error("invalid label key \"" + key + "\"");
    }
    return key;
  }

  private String value() {
    skipSpace();
    int start = pos;
    String value = word();
    if (!value.isEmpty() && (value.length() > 63 || !NAME.matcher(value).matches())) {
      pos = start;
      throw error("invalid label value \"" + value + "\"");
    }
    if (!atEnd() && !isDelimiter(peek())) {
      throw error("unexpected '" + peek() + "' in a label value");
    }
    return value;
  }

  private String word() {
    int start = pos;
    while (!atEnd() && isWordChar(peek())) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/';
  }

  private static boolean isDelimiter(char c) {
    return c == ',' || c == ')' || Character.isWhitespace(c);
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }

  private SelectorSyntaxException error(String reason) {
    return new SelectorSyntaxException(text, pos + 1, reason);
  }
}
