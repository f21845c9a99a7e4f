package dev.weft.model.codec;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/** Explains a value of the wrong shape in the user's words: what was expected, what was found. */
final class TypeMismatch {
  private TypeMismatch() {}

  static Diagnostic describe(JsonMappingException e, JsonNode tree, LocationIndex index) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        pointer.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        pointer.append('/').append(ref.getIndex());
      }
    }
    String p = pointer.toString();
    String field = LocationIndex.fieldPath(p);
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      JsonNode found = tree.at(p);
      String message =
          "expected "
              + expected(mismatch.getTargetType())
              + ", found "
              + (found.isMissingNode() ? "something else" : describe(found));
      return Diagnostic.error(index.locate(p), field, message);
    }
    String original = e.getOriginalMessage();
    return Diagnostic.error(
        index.locate(p),
        field,
        original == null ? "invalid value" : original.lines().findFirst().get());
  }

  private static String expected(Class<?> type) {
    if (Collection.class.isAssignableFrom(type)) return "a list";
    if (Map.class.isAssignableFrom(type) || type.isRecord()) return "a mapping";
    if (type == String.class) return "a string";
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class)
      return "an integer";
    if (type == Boolean.class || type == boolean.class) return "true or false";
    if (type.isEnum()) return "one of the values of " + type.getSimpleName();
    return "a " + type.getSimpleName();
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) return "the string \"" + node.asText() + "\"";
    if (node.isArray()) return "a list";
    if (node.isObject()) return "a mapping";
    if (node.isBoolean()) return node.asText();
    if (node.isNumber()) return "the number " + node.asText();
    return node.getNodeType().toString().toLowerCase();
  }
}
