package dev.weft.lint;

import dev.weft.model.codec.LocationIndex;
import dev.weft.model.spec.Parameter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of a list of parameters: unique names, and values that respect their enum. */
final class ParameterChecks {
  private ParameterChecks() {}

  /** {@code names} are the entries' names in order; {@code pointer} is the list's pointer. */
  static void uniqueNames(Reporter report, List<String> names, String pointer, String what) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String at = LocationIndex.child(LocationIndex.child(pointer, i), "name");
      if (name == null || name.isEmpty()) {
        report.error(LocationIndex.child(pointer, i), what + " has no name");
      } else if (!seen.add(name)) {
        report.error(at, "duplicate " + what + " \"" + name + "\"");
      }
    }
  }

  static void parameters(Reporter report, List<Parameter> params, String pointer, String what) {
    uniqueNames(report, params.stream().map(Parameter::name).toList(), pointer, what);
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      if (p.enumValues() == null) continue;
      String at = LocationIndex.child(pointer, i);
      if (p.enumValues().isEmpty()) {
        report.error(LocationIndex.child(at, "enum"), "enum must list at least one value");
        continue;
      }
      checkInEnum(report, p, p.value(), LocationIndex.child(at, "value"));
      checkInEnum(report, p, p.defaultValue(), LocationIndex.child(at, "default"));
    }
  }

  private static void checkInEnum(Reporter report, Parameter p, String value, String pointer) {
    if (value == null || Tag.hasTags(value) || p.enumValues().contains(value)) return;
    report.error(
        pointer,
        "\"" + value + "\" is not one of the allowed values " + p.enumValues() + " (enum)");
  }

  /** An input parameter that nothing fills: no value, no default, no valueFrom. */
  static boolean isRequired(Parameter p) {
    return p.value() == null && p.defaultValue() == null && p.valueFrom() == null;
  }
}
