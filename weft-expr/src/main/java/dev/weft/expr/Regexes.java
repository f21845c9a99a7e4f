package dev.weft.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Compiles a user's regular expression with RE2/J after the checks Go's regexp makes and RE2/J does
 * not: repeat counts nested inside one another may multiply to at most 1000 ({@code
 * ((a{1000}){1000}){1000}} would otherwise take gigabytes to compile), and the whole expression,
 * repeats expanded, may hold at most {@link #MAX_SIZE} atoms.
 */
public final class Regexes {
  private Regexes() {}

  /** Go's limit on nested repeat counts. */
  static final long MAX_REPEAT = 1000;

  /** How many atoms the expression may expand to (Go bounds its compiled program likewise). */
  static final long MAX_SIZE = 100_000;

  /**
   * The compiled pattern.
   *
   * @throws PatternSyntaxException for a pattern that is not RE2 or is too large
   */
  public static Pattern compile(String regex) {
    check(regex);
    return Pattern.compile(regex);
  }

  /** A group being scanned: the size of what it holds, and its largest nested repeat product. */
  private static final class Group {
    long size;
    long product = 1;
  }

  /** Whether a compiled pattern is small enough to keep in a cache (a few thousand atoms). */
  static boolean small(String regex) {
    return regex.length() <= 256 && check(regex) <= 2_000;
  }

  /** The expression's size in atoms, repeats expanded; throws when it is too large. */
  private static long check(String regex) {
    Deque<Group> groups = new ArrayDeque<>();
    groups.push(new Group());
    long atomSize = 0; // the atom a quantifier would apply to (0: none yet)
    long atomProduct = 1;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        commit(groups.peek(), atomSize, atomProduct);
        atomSize = 1;
        atomProduct = 1;
        i += 2;
      } else if (c == '[') {
        commit(groups.peek(), atomSize, atomProduct);
        i = classEnd(regex, i);
        atomSize = 1;
        atomProduct = 1;
      } else if (c == '(') {
        commit(groups.peek(), atomSize, atomProduct);
        atomSize = 0;
        groups.push(new Group());
        i++;
      } else if (c == ')') {
        commit(groups.peek(), atomSize, atomProduct);
        Group closed = groups.size() > 1 ? groups.pop() : groups.peek();
        atomSize = Math.max(1, closed.size);
        atomProduct = closed.product;
        i++;
      } else if (c == '{' && atomSize > 0 && repeatEnd(regex, i) > 0) {
        int end = repeatEnd(regex, i);
        long count = repeatCount(regex.substring(i + 1, end));
        atomProduct *= Math.max(1, count);
        atomSize *= Math.max(1, count);
        if (atomProduct > MAX_REPEAT) {
          throw new PatternSyntaxException("invalid repeat count", regex);
        }
        if (atomSize > MAX_SIZE) throw new PatternSyntaxException("expression too large", regex);
        i = end + 1;
      } else if (c == '*' || c == '+' || c == '?' || c == '|' || c == '^' || c == '$') {
        i++;
      } else {
        commit(groups.peek(), atomSize, atomProduct);
        atomSize = 1;
        atomProduct = 1;
        i++;
      }
    }
    commit(groups.peek(), atomSize, atomProduct);
    long size = 0;
    for (Group g : groups) size += g.size;
    return size;
  }

  private static void commit(Group group, long atomSize, long atomProduct) {
    group.size += atomSize;
    group.product = Math.max(group.product, atomProduct);
    if (group.size > MAX_SIZE) throw new PatternSyntaxException("expression too large", "");
  }

  /** Where a character class that opens at {@code start} ends (just after its ']'). */
  private static int classEnd(String regex, int start) {
    int i = start + 1;
    if (i < regex.length() && regex.charAt(i) == '^') i++;
    if (i < regex.length() && regex.charAt(i) == ']') i++;
    while (i < regex.length() && regex.charAt(i) != ']') i += regex.charAt(i) == '\\' ? 2 : 1;
    return i + 1;
  }

  /** The index of the '}' closing a repeat {n}, {n,} or {n,m} at {@code start}, or -1. */
  private static int repeatEnd(String regex, int start) {
    int end = regex.indexOf('}', start);
    if (end < 0) return -1;
    return regex.substring(start + 1, end).matches("\\d{1,9}(,\\d{0,9})?") ? end : -1;
  }

  /** The largest count a repeat allows ({n,} counts n: its copies are n, then a star). */
  private static long repeatCount(String inside) {
    String[] parts = inside.split(",", -1);
    String most = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : parts[0];
    return Long.parseLong(most);
  }
}
