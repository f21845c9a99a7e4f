package dev.weft.expr;

import dev.weft.expr.ExprNode.ArrayLit;
import dev.weft.expr.ExprNode.Literal;
import dev.weft.expr.ExprNode.MapLit;
import dev.weft.expr.ExprNode.Pair;
import dev.weft.expr.ExprToken.Kind;
import java.util.ArrayList;
import java.util.List;

/** The token position of {@link ExprParser}, and the list-like constructs it parses. */
abstract class ExprTokenCursor {
  private final List<ExprToken> tokens;
  private int index;

  ExprTokenCursor(List<ExprToken> tokens) {
    this.tokens = tokens;
  }

  abstract ExprNode expression(int precedence);

  abstract ExprNode sequence();

  ExprToken ahead(int n) {
    return tokens.get(Math.min(index + n, tokens.size() - 1));
  }

  int mark() {
    return index;
  }

  void reset(int mark) {
    index = mark;
  }

  ExprToken cur() {
    return tokens.get(index);
  }

  void next() {
    if (index < tokens.size() - 1) {
      index++;
    }
  }

  ExprException unexpected() {
    ExprToken t = cur();
    if (t.is(Kind.EOF)) {
      return new ExprException("unexpected end of expression", t.column());
    }
    return new ExprException(
        "unexpected token " + t.describe() + " at column " + t.column(), t.column());
  }

  void expect(Kind kind, String value) {
    if (!cur().is(kind, value)) {
      throw unexpected();
    }
    next();
  }

  List<ExprNode> arguments(List<ExprNode> args) {
    int offset = args.size();
    expect(Kind.BRACKET, "(");
    while (!cur().is(Kind.BRACKET, ")")) {
      if (args.size() > offset) {
        expect(Kind.OPERATOR, ",");
      }
      if (cur().is(Kind.BRACKET, ")")) {
        break;
      }
      args.add(expression(0));
    }
    expect(Kind.BRACKET, ")");
    return List.copyOf(args);
  }

  ExprNode array() {
    int col = cur().column();
    expect(Kind.BRACKET, "[");
    List<ExprNode> items = new ArrayList<>();
    while (!cur().is(Kind.BRACKET, "]")) {
      if (!items.isEmpty()) {
        expect(Kind.OPERATOR, ",");
        if (cur().is(Kind.BRACKET, "]")) {
          break;
        }
      }
      items.add(expression(0));
    }
    expect(Kind.BRACKET, "]");
    return new ArrayLit(List.copyOf(items), col);
  }

  ExprNode map() {
    int col = cur().column();
    expect(Kind.BRACKET, "{");
    List<Pair> pairs = new ArrayList<>();
    while (!cur().is(Kind.BRACKET, "}")) {
      if (!pairs.isEmpty()) {
        expect(Kind.OPERATOR, ",");
        if (cur().is(Kind.BRACKET, "}")) {
          break;
        }
      }
      ExprToken t = cur();
      ExprNode key;
      if (t.is(Kind.NUMBER) || t.is(Kind.STRING) || t.is(Kind.IDENTIFIER)) {
        key = new Literal(t.value(), t.column());
        next();
      } else if (t.is(Kind.BRACKET, "(")) {
        key = expression(0);
      } else {
        throw new ExprException(
            "a map key must be a quoted string, a number, a identifier, or an expression"
                + " enclosed in parentheses (unexpected token "
                + t.describe()
                + ")",
            t.column());
      }
      expect(Kind.OPERATOR, ":");
      pairs.add(new Pair(key, expression(0)));
    }
    expect(Kind.BRACKET, "}");
    return new MapLit(List.copyOf(pairs), col);
  }
}
