package dev.weft.expr;

import dev.weft.expr.ExprNode.ArrayLit;
import dev.weft.expr.ExprNode.Binary;
import dev.weft.expr.ExprNode.Builtin;
import dev.weft.expr.ExprNode.Call;
import dev.weft.expr.ExprNode.Chain;
import dev.weft.expr.ExprNode.Conditional;
import dev.weft.expr.ExprNode.Ident;
import dev.weft.expr.ExprNode.Let;
import dev.weft.expr.ExprNode.Literal;
import dev.weft.expr.ExprNode.MapLit;
import dev.weft.expr.ExprNode.Member;
import dev.weft.expr.ExprNode.Pair;
import dev.weft.expr.ExprNode.Pointer;
import dev.weft.expr.ExprNode.Predicate;
import dev.weft.expr.ExprNode.Sequence;
import dev.weft.expr.ExprNode.Slice;
import dev.weft.expr.ExprNode.Unary;
import dev.weft.expr.ExprToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A precedence-climbing parser with expr-lang's grammar (parser/parser.go). */
final class ExprParser {
  private record Op(int precedence, boolean right) {}

  private static final Map<String, Op> BINARY =
      Map.ofEntries(
          Map.entry("|", new Op(0, false)),
          Map.entry("or", new Op(10, false)),
          Map.entry("||", new Op(10, false)),
          Map.entry("and", new Op(15, false)),
          Map.entry("&&", new Op(15, false)),
          Map.entry("==", new Op(20, false)),
          Map.entry("!=", new Op(20, false)),
          Map.entry("<", new Op(20, false)),
          Map.entry(">", new Op(20, false)),
          Map.entry(">=", new Op(20, false)),
          Map.entry("<=", new Op(20, false)),
          Map.entry("in", new Op(20, false)),
          Map.entry("matches", new Op(20, false)),
          Map.entry("contains", new Op(20, false)),
          Map.entry("startsWith", new Op(20, false)),
          Map.entry("endsWith", new Op(20, false)),
          Map.entry("..", new Op(25, false)),
          Map.entry("+", new Op(30, false)),
          Map.entry("-", new Op(30, false)),
          Map.entry("*", new Op(60, false)),
          Map.entry("/", new Op(60, false)),
          Map.entry("%", new Op(60, false)),
          Map.entry("**", new Op(100, true)),
          Map.entry("^", new Op(100, true)),
          Map.entry("??", new Op(500, false)));
  private static final Map<String, Integer> UNARY = Map.of("not", 50, "!", 50, "-", 90, "+", 90);
  private static final Set<String> COMPARISONS = Set.of("<", ">", ">=", "<=");

  /** Builtins whose second argument is a closure; the value says whether a closure is optional. */
  static final Map<String, Boolean> PREDICATES =
      Map.ofEntries(
          Map.entry("all", false),
          Map.entry("none", false),
          Map.entry("any", false),
          Map.entry("one", false),
          Map.entry("filter", false),
          Map.entry("map", false),
          Map.entry("count", true),
          Map.entry("sum", true),
          Map.entry("find", false),
          Map.entry("findIndex", false),
          Map.entry("findLast", false),
          Map.entry("findLastIndex", false),
          Map.entry("groupBy", false),
          Map.entry("sortBy", false),
          Map.entry("reduce", false));

  private final List<ExprToken> tokens;
  private int index;
  private int depth;

  private ExprParser(List<ExprToken> tokens) {
    this.tokens = tokens;
  }

  static ExprNode parse(String source) {
    ExprParser p = new ExprParser(ExprLexer.tokenize(source));
    ExprNode node = p.sequence();
    if (!p.cur().is(Kind.EOF)) {
      throw p.unexpected();
    }
    return node;
  }

  private ExprToken cur() {
    return tokens.get(index);
  }

  private void next() {
    if (index < tokens.size() - 1) {
      index++;
    }
  }

  private ExprException unexpected() {
    ExprToken t = cur();
    if (t.is(Kind.EOF)) {
      return new ExprException("unexpected end of expression", t.column());
    }
    return new ExprException(
        "unexpected token " + t.describe() + " at column " + t.column(), t.column());
  }

  private void expect(Kind kind, String value) {
    if (!cur().is(kind, value)) {
      throw unexpected();
    }
    next();
  }

  private ExprNode sequence() {
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

  private ExprNode expression(int precedence) {
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
        int save = index;
        next();
        Op op = BINARY.get(cur().value());
        if (!Set.of("in", "matches", "contains", "startsWith", "endsWith")
            .contains(cur().value())) {
          throw unexpected();
        }
        if (op.precedence() < precedence) {
          index = save;
          break;
        }
        opToken = cur();
      }
      Op op = BINARY.get(opToken.value());
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
      } else if (COMPARISONS.contains(opToken.value())) {
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
      if (!(token.is(Kind.OPERATOR) && COMPARISONS.contains(token.value()))) {
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
    if (t.is(Kind.OPERATOR) && UNARY.containsKey(t.value())) {
      next();
      ExprNode operand = expression(UNARY.get(t.value()));
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
    Boolean optionalPredicate = PREDICATES.get(name.value());
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
        if (cur().is(Kind.OPERATOR, ",") && !tokens.get(index + 1).is(Kind.BRACKET, ")")) {
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

  private List<ExprNode> arguments(List<ExprNode> args) {
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

  private ExprNode array() {
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

  private ExprNode map() {
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
