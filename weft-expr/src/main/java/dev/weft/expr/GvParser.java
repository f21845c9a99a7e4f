package dev.weft.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.weft.expr.GvNode.Accessor;
import dev.weft.expr.GvNode.Group;
import dev.weft.expr.GvNode.Level;
import dev.weft.expr.GvNode.Literal;
import dev.weft.expr.GvNode.Op;
import dev.weft.expr.GvNode.Param;
import java.util.List;
import java.util.Set;

/**
 * govaluate's syntax checks (balance, token transitions, regex constants) and stage planning
 * (stagePlanner.go): separator, ternary, ||, &&, comparators, bitwise, shifts, additive,
 * multiplicative, exponent, then prefixes and values; equal-precedence operators associate left.
 */
final class GvParser {
  private record Level0(Set<String> symbols, GvKind kind, Level level) {}

  private static final List<Level0> LEVELS =
      List.of(
          new Level0(Set.of(","), GvKind.SEPARATOR, Level.SEPARATOR),
          new Level0(Set.of("?", ":", "??"), GvKind.TERNARY, Level.TERNARY),
          new Level0(Set.of("||"), GvKind.LOGICALOP, Level.LOGICAL),
          new Level0(Set.of("&&"), GvKind.LOGICALOP, Level.LOGICAL),
          new Level0(GvLexer.COMPARATOR, GvKind.COMPARATOR, Level.COMPARATOR),
          new Level0(Set.of("^", "&", "|"), GvKind.MODIFIER, Level.MODIFIER),
          new Level0(Set.of(">>", "<<"), GvKind.MODIFIER, Level.MODIFIER),
          new Level0(Set.of("+", "-"), GvKind.MODIFIER, Level.MODIFIER),
          new Level0(Set.of("*", "/", "%"), GvKind.MODIFIER, Level.MODIFIER),
          new Level0(Set.of("**"), GvKind.MODIFIER, Level.MODIFIER));

  private final List<GvToken> tokens;
  private int pos;

  private GvParser(List<GvToken> tokens) {
    this.tokens = tokens;
  }

  /** Checks and plans {@code tokens}; returns null for an empty expression. */
  static GvNode plan(List<GvToken> tokens) {
    checkBalance(tokens);
    checkSyntax(tokens);
    List<GvToken> optimized = optimize(tokens);
    if (optimized.isEmpty()) {
      return null;
    }
    GvParser p = new GvParser(optimized);
    GvNode node = p.level(0);
    if (p.pos < optimized.size()) {
      GvToken t = optimized.get(p.pos);
      throw new ExprException(
          "unexpected token \"" + t.show() + "\" at column " + t.column(), t.column());
    }
    return node;
  }

  static void checkBalance(List<GvToken> tokens) {
    int parens = 0;
    for (GvToken t : tokens) {
      parens += t.kind() == GvKind.CLAUSE ? 1 : t.kind() == GvKind.CLAUSE_CLOSE ? -1 : 0;
    }
    if (parens != 0) {
      throw new ExprException("Unbalanced parenthesis", 0);
    }
  }

  static void checkSyntax(List<GvToken> tokens) {
    GvKind state = GvKind.UNKNOWN;
    GvToken last = null;
    for (GvToken t : tokens) {
      if (!state.canTransitionTo(t.kind())) {
        if (last != null && last.kind() == GvKind.VARIABLE && t.kind() == GvKind.CLAUSE) {
          throw new ExprException("Undefined function " + last.show(), last.column());
        }
        throw new ExprException(
            String.format(
                "Cannot transition token types from %s [%s] to %s [%s]",
                state, last == null ? "<nil>" : last.show(), t.kind(), t.show()),
            t.column());
      }
      state = t.kind();
      last = t;
    }
    if (!state.isEof()) {
      throw new ExprException("Unexpected end of expression", last == null ? 0 : last.column());
    }
  }

  /** Precompiles constant regular expressions after {@code =~} and {@code !~}. */
  private static List<GvToken> optimize(List<GvToken> tokens) {
    GvToken[] out = tokens.toArray(new GvToken[0]);
    for (int i = 0; i + 1 < out.length; i++) {
      GvToken t = out[i];
      boolean regexOp =
          t.kind() == GvKind.COMPARATOR && (t.value().equals("=~") || t.value().equals("!~"));
      if (regexOp && out[i + 1].kind() == GvKind.STRING) {
        try {
          Pattern p = Regexes.compile((String) out[i + 1].value());
          out[i + 1] = new GvToken(GvKind.PATTERN, p, out[i + 1].column());
        } catch (PatternSyntaxException e) {
          throw new ExprException(
              "error parsing regexp: " + e.getDescription(), out[i + 1].column());
        }
      }
    }
    return List.of(out);
  }

  private GvToken peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private GvNode level(int i) {
    if (i == LEVELS.size()) {
      return prefixOrValue();
    }
    Level0 lv = LEVELS.get(i);
    GvNode left = level(i + 1);
    while (true) {
      GvToken t = peek();
      if (t == null || t.kind() != lv.kind() || !lv.symbols().contains((String) t.value())) {
        return left;
      }
      pos++;
      GvNode right = level(i + 1);
      left = new Op((String) t.value(), left, right, lv.level());
    }
  }

  private GvNode prefixOrValue() {
    GvToken t = peek();
    if (t != null && t.kind() == GvKind.PREFIX) {
      pos++;
      return new Op((String) t.value(), null, prefixOrValue(), Level.PREFIX);
    }
    return value();
  }

  private GvNode value() {
    GvToken t = peek();
    if (t == null) {
      return null;
    }
    pos++;
    return switch (t.kind()) {
      case CLAUSE -> {
        GvNode inner = level(0);
        pos++; // the closing parenthesis; balance was checked
        yield new Group(inner);
      }
      case CLAUSE_CLOSE -> {
        pos--;
        yield null;
      }
      case VARIABLE -> new Param((String) t.value());
      case ACCESSOR -> {
        if (peek() != null && peek().kind() == GvKind.CLAUSE) {
          value(); // method arguments: the parameters are empty, so the call fails anyway
        }
        yield new Accessor(String.join(".", (String[]) t.value()));
      }
      case NUMERIC, STRING, PATTERN, BOOLEAN, TIME -> new Literal(t.value());
      default ->
          throw new ExprException(
              "Unable to plan token kind: '" + t.kind() + "', value: '" + t.show() + "'",
              t.column());
    };
  }
}
