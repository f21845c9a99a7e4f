package dev.weft.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.weft.expr.GvNode.Accessor;
import dev.weft.expr.GvNode.Group;
import dev.weft.expr.GvNode.Literal;
import dev.weft.expr.GvNode.Op;
import dev.weft.expr.GvNode.Param;
import java.util.ArrayList;
import java.util.List;

/** Evaluates govaluate stages with no parameters (evaluationStage.go semantics, float64 math). */
final class GvEvaluator {
  private GvEvaluator() {}

  static Object eval(GvNode node) {
    return switch (node) {
      case null -> null;
      case Literal l -> l.value();
      case Param p -> throw new ExprException("No parameter '" + p.name() + "' found.");
      case Accessor a ->
          throw new ExprException("No parameter '" + a.name().split("\\.")[0] + "' found.");
      case Group g -> eval(g.inner());
      case Op op -> operator(op);
    };
  }

  private static Object operator(Op op) {
    Object left = op.left() == null ? null : eval(op.left());
    boolean skipRight = false;
    switch (op.symbol()) {
      case "&&" -> {
        if (Boolean.FALSE.equals(left)) {
          return false;
        }
      }
      case "||" -> {
        if (Boolean.TRUE.equals(left)) {
          return true;
        }
      }
      case "??", ":" -> {
        if (left != null && op.level() == GvNode.Level.TERNARY) {
          return left;
        }
      }
      case "?" -> skipRight = Boolean.FALSE.equals(left);
      default -> {}
    }
    Object right = skipRight ? null : eval(op.right());
    typeCheck(op, left, right);
    return apply(op.symbol(), op.left() == null, left, right);
  }

  private static void typeCheck(Op op, Object left, Object right) {
    String s = op.symbol();
    boolean prefix = op.left() == null && op.level() == GvNode.Level.PREFIX;
    boolean ok =
        switch (s) {
          case ">", "<", ">=", "<=" ->
              (left instanceof Double && right instanceof Double)
                  || (left instanceof String && right instanceof String);
          case "+" ->
              prefix
                  || (left instanceof Double && right instanceof Double)
                  || left instanceof String
                  || right instanceof String;
          default -> true;
        };
    if (!ok) {
      throw typeError(op, left);
    }
    switch (s) {
      case "=~", "!~" -> {
        check(op, left, left instanceof String);
        check(op, right, right instanceof String || right instanceof Pattern);
      }
      case "&&", "||" -> {
        check(op, left, left instanceof Boolean);
        check(op, right, right instanceof Boolean);
      }
      case "in" -> check(op, right, right instanceof List);
      case "?" -> check(op, left, left instanceof Boolean);
      case "!" -> check(op, right, right instanceof Boolean);
      case "-", "~" -> {
        if (!prefix) {
          check(op, left, left instanceof Double);
        }
        check(op, right, right instanceof Double);
      }
      case "*", "/", "%", "**", "&", "|", "^", ">>", "<<" -> {
        check(op, left, left instanceof Double);
        check(op, right, right instanceof Double);
      }
      default -> {}
    }
  }

  private static void check(Op op, Object value, boolean ok) {
    if (!ok) {
      throw typeError(op, value);
    }
  }

  private static ExprException typeError(Op op, Object value) {
    String symbol = op.symbol().equals("==") ? "=" : op.symbol();
    return new ExprException(String.format(op.level().typeError, show(value), symbol));
  }

  static String show(Object v) {
    return v instanceof Pattern p ? p.pattern() : GoFormat.format(v);
  }

  private static Object apply(String s, boolean prefix, Object l, Object r) {
    if (prefix) {
      return switch (s) {
        case "-" -> -(Double) r;
        case "!" -> !(Boolean) r;
        default -> (double) ~(long) (double) (Double) r;
      };
    }
    return switch (s) {
      case "," -> {
        List<Object> out = l instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        if (!(l instanceof List)) {
          out.add(l);
        }
        out.add(r);
        yield out;
      }
      case "?" -> Boolean.TRUE.equals(l) ? r : null;
      case ":", "??" -> l != null ? l : r;
      case "&&" -> (Boolean) l && (Boolean) r;
      case "||" -> (Boolean) l || (Boolean) r;
      case "==" -> deepEqual(l, r);
      case "!=" -> !deepEqual(l, r);
      case ">", "<", ">=", "<=" -> {
        int c =
            l instanceof String a
                ? a.compareTo((String) r)
                : Double.compare((Double) l, (Double) r);
        yield switch (s) {
          case ">" -> c > 0;
          case "<" -> c < 0;
          case ">=" -> c >= 0;
          default -> c <= 0;
        };
      }
      case "=~", "!~" -> {
        Pattern p;
        try {
          p = r instanceof Pattern q ? q : Regexes.compile((String) r);
        } catch (PatternSyntaxException e) {
          throw new ExprException(
              "Unable to compile regexp pattern '" + r + "': " + e.getDescription());
        }
        boolean found = p.matcher((String) l).find();
        yield s.equals("=~") == found;
      }
      case "in" -> ((List<?>) r).stream().anyMatch(x -> x != null && x.equals(l) || x == l);
      case "+" ->
          (l instanceof String || r instanceof String)
              ? ExprLimits.checked(show(l) + show(r), "'+'")
              : (Double) l + (Double) r;
      case "-" -> (Double) l - (Double) r;
      case "*" -> (Double) l * (Double) r;
      case "/" -> (Double) l / (Double) r;
      case "%" -> goMod((Double) l, (Double) r);
      case "**" -> Math.pow((Double) l, (Double) r);
      case "&" -> (double) ((long) (double) (Double) l & (long) (double) (Double) r);
      case "|" -> (double) ((long) (double) (Double) l | (long) (double) (Double) r);
      case "^" -> (double) ((long) (double) (Double) l ^ (long) (double) (Double) r);
      case "<<" -> (double) ((long) (double) (Double) l << (long) (double) (Double) r);
      case ">>" -> (double) ((long) (double) (Double) l >>> (long) (double) (Double) r);
      default -> throw new ExprException("unknown operator " + s);
    };
  }

  /** Go's math.Mod: the result has the sign of the dividend (same as Java's %). */
  private static double goMod(double a, double b) {
    return a % b;
  }

  /** reflect.DeepEqual over govaluate's values. */
  private static boolean deepEqual(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!deepEqual(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }
}
