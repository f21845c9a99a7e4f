package dev.weft.expr;

import static dev.weft.expr.SprigValues.intArg;
import static dev.weft.expr.SprigValues.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * sprig's regular expression functions, in RE2 syntax and matched by RE2/J in time linear in the
 * input, as Go's regexp is (a backtracking engine would let one pattern stall a worker).
 */
final class SprigRegex {
  private SprigRegex() {}

  static void register(Map<String, ExprFunction> functions) {
    functions.put("regexMatch", a -> ExprBuiltins.regex(str(a, 0)).matcher(str(a, 1)).find());
    functions.put(
        "regexFind",
        a -> {
          var m = ExprBuiltins.regex(str(a, 0)).matcher(str(a, 1));
          return m.find() ? m.group() : "";
        });
    functions.put(
        "regexFindAll",
        a -> {
          var m = ExprBuiltins.regex(str(a, 0)).matcher(str(a, 1));
          int n = intArg(a, 2);
          List<Object> out = new ArrayList<>();
          while ((n < 0 || out.size() < n) && m.find()) {
            out.add(m.group());
          }
          return out;
        });
    functions.put(
        "regexReplaceAll",
        a -> {
          // RE2 (as Go's regexp): linear in the input, whatever the pattern
          var m = ExprBuiltins.regex(str(a, 0)).matcher(str(a, 1));
          StringBuilder out = new StringBuilder();
          while (m.find()) {
            String with = expand(m, str(a, 2), out.length());
            ExprLimits.check(out.length() + (double) with.length(), "regexReplaceAll");
            m.appendReplacement(out, com.google.re2j.Matcher.quoteReplacement(with));
          }
          m.appendTail(out);
          return ExprLimits.checked(out.toString(), "regexReplaceAll");
        });
    functions.put(
        "regexReplaceAllLiteral",
        a -> {
          var m = ExprBuiltins.regex(str(a, 0)).matcher(str(a, 1));
          StringBuilder out = new StringBuilder();
          String with = com.google.re2j.Matcher.quoteReplacement(str(a, 2));
          while (m.find()) {
            ExprLimits.check(out.length() + (double) str(a, 2).length(), "regexReplaceAllLiteral");
            m.appendReplacement(out, with);
          }
          m.appendTail(out);
          return ExprLimits.checked(out.toString(), "regexReplaceAllLiteral");
        });
    functions.put(
        "regexSplit",
        a -> {
          int n = intArg(a, 2);
          // Go's: no parts for n == 0, one empty part for an empty input
          if (n == 0) return new ArrayList<Object>();
          if (str(a, 1).isEmpty()) return new ArrayList<Object>(List.of(""));
          String[] parts = ExprBuiltins.regex(str(a, 0)).split(str(a, 1), n < 0 ? -1 : n);
          return new ArrayList<Object>(List.of((Object[]) parts));
        });
  }

  /**
   * Go's template expansion ($1, ${name}); {@code before} is the size of the result so far, so a
   * template repeating a huge group is refused as it grows, not once built.
   */
  private static String expand(com.google.re2j.Matcher m, String template, long before) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        sb.append(c);
        i++;
        continue;
      }
      if (template.charAt(i + 1) == '$') {
        sb.append('$');
        i += 2;
        continue;
      }
      String name;
      if (template.charAt(i + 1) == '{') {
        int end = template.indexOf('}', i + 2);
        if (end < 0) {
          sb.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 2, end);
        i = end + 1;
      } else {
        int end = i + 1;
        while (end < template.length()
            && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
          end++;
        }
        if (end == i + 1) {
          sb.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 1, end);
        i = end;
      }
      sb.append(group(m, name));
      ExprLimits.check(before + (double) sb.length(), "regexReplaceAll");
    }
    return sb.toString();
  }

  private static String group(com.google.re2j.Matcher m, String name) {
    try {
      String g =
          name.chars().allMatch(Character::isDigit)
              ? (Integer.parseInt(name) <= m.groupCount() ? m.group(Integer.parseInt(name)) : null)
              : m.group(name);
      return g == null ? "" : g;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return "";
    }
  }
}
