package dev.weft.expr;

import dev.weft.expr.ExprNode.Binary;
import dev.weft.expr.ExprNode.Builtin;
import dev.weft.expr.ExprNode.Call;
import dev.weft.expr.ExprNode.Chain;
import dev.weft.expr.ExprNode.Conditional;
import dev.weft.expr.ExprNode.Ident;
import dev.weft.expr.ExprNode.Let;
import dev.weft.expr.ExprNode.Literal;
import dev.weft.expr.ExprNode.Member;
import dev.weft.expr.ExprNode.Pointer;
import dev.weft.expr.ExprNode.Predicate;
import dev.weft.expr.ExprNode.Sequence;
import dev.weft.expr.ExprNode.Slice;
import dev.weft.expr.ExprNode.Unary;
import dev.weft.expr.ExprToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A precedence-climbing parser with expr-lang's grammar (parser/parser.go). */
final class ExprParser extends ExprTokenCursor {
  private int depth;

  private ExprParser(List<ExprToken> tokens) {
    super(tokens);
  }

  static ExprNode parse(String source) {
    ExprParser p = new ExprParser(ExprLexer.tokenize(source));
    ExprNode node = p.sequence();
    if (!p.cur().is(Kind.EOF)) {
      throw p.unexpected();
    }
    return node;
  }

  @Override
  ExprNode sequence() {
    int col = cur().column();
    List<ExprNode> nodes = new ArrayList<>();
    nodes.add(expression(0));
    while (cur().is(Kind.OPERATOR, ";")) {
      next();
      if (cur().is(Kind.EOF)) {
        break;
      }
      nodes.add(expression(0));
    }
    return nodes.size() == 1 ? nodes.get(0) : new Sequence(List.copyOf(nodes), col);
  }

  @Override
  ExprNode expression(int precedence) {
    if (precedence == 0 && cur().is(Kind.OPERATOR, "let")) {
      return let();
    }
    if (precedence == 0 && cur().is(Kind.OPERATOR, "if")) {
      return ifElse();
    }
    ExprNode left = primary();
    String prev = "";
    while (cur().is(Kind.OPERATOR)) {
      ExprToken opToken = cur();
      boolean negate = opToken.value().equals("not");
      if (negate) {
        int save = mark();
        next();
        ExprOperators.Op op = ExprOperators.BINARY.get(cur().value());
        if (!Set.of("in", "matches", "contains", "startsWith", "endsWith")
            .contains(cur().value())) {
          throw unexpected();
        }
        if (op.precedence() < precedence) {
          reset(save);
          break;
        }
        opToken = cur();
      }
      ExprOperators.Op op = ExprOperators.BINARY.get(opToken.value());
      if (op == null || op.precedence() < precedence) {
        break;
      }
      next();
      if (opToken.value().equals("|")) {
        ExprToken ident = cur();
        if (!ident.is(Kind.IDENTIFIER)) {
          throw unexpected();
        }
        next();
        List<ExprNode> first = new ArrayList<>();
        first.add(left);
        left = call(ident, first);
      } else if (prev.equals("??") && !opToken.value().equals("??")) {
        throw new ExprException(
            "Operator ("
                + opToken.value()
                + ") and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.",
            opToken.column());
      } else if (ExprOperators.COMPARISONS.contains(opToken.value())) {
        left = comparison(left, opToken, op.precedence());
      } else {
        ExprNode right = expression(op.right() ? op.precedence() : op.precedence() + 1);
        left = new Binary(opToken.value(), left, right, opToken.column());
        if (negate) {
          left = new Unary("not", left, opToken.column());
        }
      }
      prev = opToken.value();
    }
    if (precedence == 0) {
      left = conditional(left);
    }
    return left;
  }

  private ExprNode comparison(ExprNode left, ExprToken token, int precedence) {
    ExprNode root = null;
    while (true) {
      ExprNode right = expression(precedence + 1);
      ExprNode cmp = new Binary(token.value(), left, right, token.column());
      root = root == null ? cmp : new Binary("&&", root, cmp, token.column());
      left = right;
      token = cur();
      if (!(token.is(Kind.OPERATOR) && ExprOperators.COMPARISONS.contains(token.value()))) {
        return root;
      }
      next();
    }
  }

  private ExprNode let() {
    int col = cur().column();
    next();
    ExprToken name = cur();
    if (!name.is(Kind.IDENTIFIER)) {
      throw unexpected();
    }
    next();
    expect(Kind.OPERATOR, "=");
    ExprNode value = expression(0);
    expect(Kind.OPERATOR, ";");
    return new Let(name.value(), value, sequence(), col);
  }

  private ExprNode ifElse() {
    int col = cur().column();
    next();
    ExprNode cond = expression(0);
    expect(Kind.BRACKET, "{");
    ExprNode then = sequence();
    expect(Kind.BRACKET, "}");
    expect(Kind.OPERATOR, "else");
    ExprNode otherwise;
    if (cur().is(Kind.OPERATOR, "if")) {
      otherwise = ifElse();
    } else {
      expect(Kind.BRACKET, "{");
      otherwise = sequence();
      expect(Kind.BRACKET, "}");
    }
    return new Conditional(cond, then, otherwise, col);
  }

  private ExprNode conditional(ExprNode node) {
    while (cur().is(Kind.OPERATOR, "?")) {
      int col = cur().column();
      next();
      ExprNode then;
      ExprNode otherwise;
      if (!cur().is(Kind.OPERATOR, ":")) {
        then = expression(0);
        expect(Kind.OPERATOR, ":");
        otherwise = expression(0);
      } else {
        next();
        then = node;
        otherwise = expression(0);
      }
      node = new Conditional(node, then, otherwise, col);
    }
    return node;
  }

  private ExprNode primary() {
    ExprToken t = cur();
    if (t.is(Kind.OPERATOR) && ExprOperators.UNARY.containsKey(t.value())) {
      next();
      ExprNode operand = expression(ExprOperators.UNARY.get(t.value()));
      return postfix(new Unary(t.value(), operand, t.column()));
    }
    if (t.is(Kind.BRACKET, "(")) {
      next();
      ExprNode inner = sequence();
      expect(Kind.BRACKET, ")");
      return postfix(inner);
    }
    if (depth > 0 && (t.is(Kind.OPERATOR, "#") || t.is(Kind.OPERATOR, "."))) {
      String name = "";
      if (t.is(Kind.OPERATOR, "#")) {
        next();
        if (cur().is(Kind.IDENTIFIER)) {
          name = cur().value();
          next();
        }
        return postfix(new Pointer(name, t.column()));
      }
      // ".name" inside a closure: member of the element; leave "." for postfix.
      return postfix(new Pointer(name, t.column()));
    }
    return secondary();
  }

  private ExprNode secondary() {
    ExprToken t = cur();
    ExprNode node;
    switch (t.kind()) {
      case IDENTIFIER -> {
        next();
        node =
            switch (t.value()) {
              case "true" -> new Literal(Boolean.TRUE, t.column());
              case "false" -> new Literal(Boolean.FALSE, t.column());
              case "nil" -> new Literal(null, t.column());
              default ->
                  cur().is(Kind.BRACKET, "(")
                      ? call(t, new ArrayList<>())
                      : new Ident(t.value(), t.column());
            };
        if (node instanceof Literal) {
          return node;
        }
      }
      case NUMBER -> {
        next();
        return new Literal(ExprNumbers.parseLiteral(t.value(), t.column()), t.column());
      }
      case STRING -> {
        next();
        node = new Literal(t.value(), t.column());
      }
      default -> {
        if (t.is(Kind.BRACKET, "[")) {
          node = array();
        } else if (t.is(Kind.BRACKET, "{")) {
          node = map();
        } else {
          throw unexpected();
        }
      }
    }
    return postfix(node);
  }

  private ExprNode call(ExprToken name, List<ExprNode> args) {
    Boolean optionalPredicate = ExprOperators.PREDICATES.get(name.value());
    if (optionalPredicate != null) {
      expect(Kind.BRACKET, "(");
      int needed = 2 - args.size();
      for (int i = 0; i < needed; i++) {
        boolean isPredicate = args.size() == 1;
        if (cur().is(Kind.BRACKET, ")")) {
          if (isPredicate && optionalPredicate) {
            break;
          }
          throw new ExprException(
              "expected at least " + needed + " arguments at column " + cur().column(),
              cur().column());
        }
        if (i > 0) {
          expect(Kind.OPERATOR, ",");
        }
        args.add(isPredicate ? predicate() : expression(0));
      }
      if (name.value().equals("reduce") || name.value().equals("sortBy")) {
        if (cur().is(Kind.OPERATOR, ",") && !ahead(1).is(Kind.BRACKET, ")")) {
          next();
          args.add(expression(0));
        }
      }
      if (cur().is(Kind.OPERATOR, ",")) {
        next();
      }
      expect(Kind.BRACKET, ")");
      return new Builtin(name.value(), List.copyOf(args), name.column());
    }
    List<ExprNode> all = arguments(args);
    if (ExprBuiltins.NAMES.contains(name.value())) {
      return new Builtin(name.value(), all, name.column());
    }
    return new Call(new Ident(name.value(), name.column()), all, name.column());
  }

  private ExprNode predicate() {
    int col = cur().column();
    boolean brackets = cur().is(Kind.BRACKET, "{");
    if (brackets) {
      next();
    }
    depth++;
    ExprNode body = brackets ? sequence() : expression(0);
    depth--;
    if (brackets) {
      expect(Kind.BRACKET, "}");
    }
    return new Predicate(body, col);
  }

  private ExprNode postfix(ExprNode node) {
    while (true) {
      ExprToken t = cur();
      boolean optional = t.is(Kind.OPERATOR, "?.");
      if (t.is(Kind.OPERATOR, ".") || optional) {
        next();
        if (optional && cur().is(Kind.BRACKET, "[")) {
          node = index(node, true);
          continue;
        }
        ExprToken prop = cur();
        if (!prop.is(Kind.IDENTIFIER)
            && !(prop.is(Kind.OPERATOR) && prop.value().matches("[A-Za-z_]\\w*"))) {
          throw new ExprException("expected name at column " + prop.column(), prop.column());
        }
        next();
        boolean chained = node instanceof Chain;
        ExprNode base = chained ? ((Chain) node).node() : node;
        ExprNode member =
            new Member(base, new Literal(prop.value(), prop.column()), optional, prop.column());
        if (cur().is(Kind.BRACKET, "(")) {
          member = new Call(member, arguments(new ArrayList<>()), prop.column());
        }
        node = (chained || optional) ? new Chain(member, prop.column()) : member;
      } else if (t.is(Kind.BRACKET, "[")) {
        node = index(node, false);
      } else {
        return node;
      }
    }
  }

  private ExprNode index(ExprNode node, boolean optional) {
    int col = cur().column();
    next();
    if (cur().is(Kind.OPERATOR, ":")) {
      next();
      ExprNode to = cur().is(Kind.BRACKET, "]") ? null : expression(0);
      expect(Kind.BRACKET, "]");
      return new Slice(node, null, to, col);
    }
    ExprNode from = expression(0);
    if (cur().is(Kind.OPERATOR, ":")) {
      next();
      ExprNode to = cur().is(Kind.BRACKET, "]") ? null : expression(0);
      expect(Kind.BRACKET, "]");
      return new Slice(node, from, to, col);
    }
    expect(Kind.BRACKET, "]");
    boolean chained = node instanceof Chain;
    ExprNode base = chained ? ((Chain) node).node() : node;
    ExprNode member = new Member(base, from, optional, col);
    return (chained || optional) ? new Chain(member, col) : member;
  }
}
