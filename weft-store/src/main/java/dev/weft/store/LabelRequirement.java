package dev.weft.store;

import java.util.List;
import java.util.Map;

/** One clause of a label selector, such as {@code tier in (web,api)}. */
public record LabelRequirement(String key, Operator operator, List<String> values) {

  public enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST
  }

  public LabelRequirement {
    values = List.copyOf(values);
  }

  /** Kubernetes' rules: {@code !=} and {@code notin} also match objects without the label. */
  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case EQUALS, IN -> value != null && values.contains(value);
      case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
    };
  }

  @Override
  public String toString() {
    return switch (operator) {
      case EQUALS -> key + "=" + values.getFirst();
      case NOT_EQUALS -> key + "!=" + values.getFirst();
      case IN -> key + " in (" + String.join(",", values) + ")";
      case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
    };
  }
}
