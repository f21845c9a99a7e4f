package dev.weft.lint;

import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.LocationIndex;
import dev.weft.model.codec.SourceLocation;
import java.util.List;

/** Turns findings at JSON pointers of one document into diagnostics with file, line and column. */
final class Reporter {
  private final LocationIndex index;
  private final SourceText text;
  private final List<Diagnostic> out;
  private final boolean strict;

  Reporter(LocationIndex index, SourceText text, List<Diagnostic> out, boolean strict) {
    this.index = index;
    this.text = text;
    this.out = out;
    this.strict = strict;
  }

  /** A setting Weft will not honour: a warning, an error under {@code lint --strict}. */
  void unhonoured(String pointer, String message) {
    if (strict) error(pointer, message);
    else warning(pointer, message);
  }

  /**
   * A fault Argo accepts at create time and reports only when the object is used (a binding's
   * selector fails at event time): a warning, an error under {@code lint --strict}.
   */
  void deferred(String pointer, String message) {
    unhonoured(pointer, message);
  }

  void deferredInValue(String pointer, int offset, String message) {
    if (strict) errorInValue(pointer, offset, message);
    else warningInValue(pointer, offset, message);
  }

  void error(String pointer, String message) {
    out.add(Diagnostic.error(index.locate(pointer), LocationIndex.fieldPath(pointer), message));
  }

  void warning(String pointer, String message) {
    out.add(Diagnostic.warning(index.locate(pointer), LocationIndex.fieldPath(pointer), message));
  }

  /** An error at character {@code offset} (0-based) of the string value at {@code pointer}. */
  void errorInValue(String pointer, int offset, String message) {
    out.add(Diagnostic.error(inValue(pointer, offset), LocationIndex.fieldPath(pointer), message));
  }

  void warningInValue(String pointer, int offset, String message) {
    out.add(
        Diagnostic.warning(inValue(pointer, offset), LocationIndex.fieldPath(pointer), message));
  }

  private SourceLocation inValue(String pointer, int offset) {
    SourceLocation at = index.locate(pointer);
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    boolean isField = last.isEmpty() || !last.chars().allMatch(Character::isDigit);
    return text.inValue(at, isField, offset);
  }
}
