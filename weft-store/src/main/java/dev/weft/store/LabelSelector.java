package dev.weft.store;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A conjunction of label requirements, in Kubernetes' selector syntax. */
public record LabelSelector(List<LabelRequirement> requirements) {

  private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  public LabelSelector {
    requirements = List.copyOf(requirements);
  }

  /** The selector that matches every object. */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /**
   * Parses e.g. {@code a=b,c!=d,e in (x,y),f notin (z),g,!h}; the empty string matches everything.
   *
   * @throws SelectorSyntaxException with the column of the first error
   */
  public static LabelSelector parse(String text) {
    return new LabelSelector(new SelectorParser(text).parse());
  }

  /** The selector requiring each of these labels to have exactly the given value. */
  public static LabelSelector matchingLabels(Map<String, String> labels) {
    return new LabelSelector(
        labels.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                e ->
                    new LabelRequirement(
                        e.getKey(), LabelRequirement.Operator.EQUALS, List.of(e.getValue())))
            .toList());
  }

  /** Whether every requirement holds for these labels (null: no labels). */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> actual = labels == null ? Map.of() : labels;
    for (LabelRequirement r : requirements) {
      if (!r.matches(actual)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEverything() {
    return requirements.isEmpty();
  }

  @Override
  public String toString() {
    return requirements.stream().map(LabelRequirement::toString).collect(Collectors.joining(","));
  }
}
