package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.Codec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every {@code {{...}}} tag written in a template: simple tags must name variables that
 * exist where they are used, expression tags must parse.
 */
final class ReferenceChecker {
  private ReferenceChecker() {}

  static void check(SpecScope scope, TemplateShape shape, String pointer) {
    JsonNode tree = Codec.tree(shape.template());
    walk(scope, shape, tree, pointer, new ArrayList<>());
  }

  private static void walk(
      SpecScope scope, TemplateShape shape, JsonNode node, String pointer, List<String> path) {
    if (node.isTextual()) {
      checkString(scope, shape, node.asText(), pointer, Site.of(path, shape));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.add(Integer.toString(i));
        walk(scope, shape, node.get(i), child(pointer, i), path);
        path.remove(path.size() - 1);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        // An inline template of a step or task is checked as a template of its own.
        if (field.getKey().equals("inline") && isInvocation(path)) continue;
        path.add(field.getKey());
        walk(scope, shape, field.getValue(), child(pointer, field.getKey()), path);
        path.remove(path.size() - 1);
      }
    }
  }

  private static boolean isInvocation(List<String> path) {
    return (path.size() == 3 && path.get(0).equals("steps"))
        || (path.size() == 3 && path.get(0).equals("dag") && path.get(1).equals("tasks"));
  }

  private static void checkString(
      SpecScope scope, TemplateShape shape, String text, String pointer, Site site) {
    if (!Tag.hasTags(text)) return;
    Reporter report = scope.report();
    Expressions.checkExpressionTags(report, pointer, text);
    for (Tag tag : Tag.scan(text)) {
      if (tag.isExpression() || tag.name().isEmpty()) continue;
      Optional<Variables.Finding> finding = Variables.check(tag.name(), site, shape, scope);
      if (finding.isEmpty()) continue;
      if (finding.get().error()) {
        report.errorInValue(pointer, tag.nameStart(), finding.get().message());
      } else {
        report.warningInValue(pointer, tag.nameStart(), finding.get().message());
      }
    }
  }
}
