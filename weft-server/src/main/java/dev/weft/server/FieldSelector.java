package dev.weft.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A Kubernetes field selector ({@code a=b,c!=d}, {@code ==} meaning {@code =}) over the fields a
 * caller allows, matched against the values a getter reads from an object.
 */
public record FieldSelector(List<Term> terms) {

  /** One requirement: the field's value equals (or, negated, differs from) {@code value}. */
  public record Term(String field, String value, boolean negated) {}

  public static FieldSelector parse(String text, Set<String> fields, String what) {
    List<Term> terms = new ArrayList<>();
    if (text == null || text.isBlank()) return new FieldSelector(terms);
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) continue;
      boolean negated = p.contains("!=");
      int at = negated ? p.indexOf("!=") : p.indexOf('=');
      if (at <= 0) {
        throw ApiException.invalid(
            what + ": \"" + p + "\" is not a requirement of the form field=value or field!=value");
      }
      String field = p.substring(0, at).strip();
      String value = p.substring(at + (negated ? 2 : p.startsWith("==", at) ? 2 : 1)).strip();
      if (!fields.contains(field) && !matchesParameter(field, fields)) {
        throw ApiException.invalid(
            what + ": field \"" + field + "\" is not supported; supported: " + fields);
      }
      terms.add(new Term(field, value, negated));
    }
    return new FieldSelector(terms);
  }

  /** {@code inputs.parameters.NAME.value} is allowed when the caller allows the pattern. */
  private static boolean matchesParameter(String field, Set<String> fields) {
    return fields.contains("inputs.parameters.<name>.value")
        && field.startsWith("inputs.parameters.")
        && field.endsWith(".value")
        && field.length() > "inputs.parameters..value".length();
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** Whether every term holds; {@code read} gives a field's value (null: absent). */
  public boolean matches(Function<String, String> read) {
    for (Term t : terms) {
      String actual = read.apply(t.field());
      boolean equal = t.value().equals(actual == null ? "" : actual);
      if (equal == t.negated()) return false;
    }
    return true;
  }
}
