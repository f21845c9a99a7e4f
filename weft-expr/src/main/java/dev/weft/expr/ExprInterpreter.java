package dev.weft.expr;

import com.google.re2j.PatternSyntaxException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates an {@link ExprNode} tree against an environment, with expr-lang's semantics. */
final class ExprInterpreter {
  /** Thrown inside an optional chain when a receiver is nil; caught at the {@link Chain}. */
  private static final class NilChain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NilChain() {
      super(null, null, false, false);
    }
  }

  private static final NilChain NIL_CHAIN = new NilChain();

  /** The element, index and accumulator of the innermost closure. */
  private record Scope(Object element, long index, Object acc) {}

  private final Map<String, Object> env;
  private final boolean argoFunctions;
  private final Map<String, Object> lets = new HashMap<>();
  private final ArrayList<Scope> scopes = new ArrayList<>();

  ExprInterpreter(Map<String, Object> env) {
    this(env, true);
  }

  /** {@code argoFunctions}: whether Argo's additions (asInt, sprig, ...) are visible. */
  ExprInterpreter(Map<String, Object> env, boolean argoFunctions) {
    this.env = env;
    this.argoFunctions = argoFunctions;
  }

  private Object argoFunction(String name) {
    return argoFunctions ? ArgoFunctions.lookup(name) : null;
  }

  Object eval(ExprNode node) {
    return switch (node) {
      case Literal l -> l.value();
      case Ident i -> identifier(i);
      case Pointer p -> pointer(p);
      case Unary u -> unary(u);
      case Binary b -> ExprLimits.checked(binary(b), "'" + b.op() + "'");
      case Member m -> member(m);
      case Chain c -> chain(c);
      case Slice s -> slice(s);
      case Call c -> ExprLimits.checked(call(c), "a function call");
      case Builtin b ->
          ExprLimits.checked(
              ExprPredicates.isPredicate(b.name()) ? predicate(b) : builtin(b), b.name());
      case Predicate p -> throw new ExprException("unexpected closure", p.col());
      case Conditional c ->
          truth(eval(c.cond()), "?", c.col()) ? eval(c.then()) : eval(c.otherwise());
      case ArrayLit a -> {
        List<Object> out = new ArrayList<>();
        a.items().forEach(item -> out.add(eval(item)));
        yield out;
      }
      case MapLit m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Pair p : m.pairs()) {
          Object key = eval(p.key());
          out.put(key instanceof String s ? s : GoFormat.format(key), eval(p.value()));
        }
        yield out;
      }
      case Let l -> {
        Object previous = lets.put(l.name(), eval(l.value()));
        try {
          yield eval(l.body());
        } finally {
          lets.put(l.name(), previous);
        }
      }
      case Sequence s -> {
        Object last = null;
        for (ExprNode n : s.nodes()) {
          last = eval(n);
        }
        yield last;
      }
    };
  }

  private Object identifier(Ident i) {
    if (lets.containsKey(i.name()) && lets.get(i.name()) != null) {
      return lets.get(i.name());
    }
    if (i.name().equals("$env")) {
      return env;
    }
    Object argo = argoFunction(i.name());
    if (argo != null) {
      return argo;
    }
    if (!env.containsKey(i.name())) {
      throw new ExprException("unknown name " + i.name() + " at column " + i.col(), i.col());
    }
    return ExprNumbers.normalize(env.get(i.name()));
  }

  private Object pointer(Pointer p) {
    if (scopes.isEmpty()) {
      throw new ExprException("cannot use pointer accessor outside predicate", p.col());
    }
    Scope s = scopes.get(scopes.size() - 1);
    return switch (p.name()) {
      case "" -> s.element();
      case "index" -> s.index();
      case "acc" -> s.acc();
      default -> throw new ExprException("unknown pointer #" + p.name(), p.col());
    };
  }

  static boolean truth(Object v, String op, int col) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new ExprException(
        "invalid operation: " + op + " on non-bool value (" + ExprNumbers.typeName(v) + ")", col);
  }

  private Object unary(Unary u) {
    Object v = eval(u.node());
    return switch (u.op()) {
      case "not", "!" -> !truth(v, u.op(), u.col());
      case "-" -> {
        if (ExprNumbers.isInt(v)) {
          yield -((Number) v).longValue();
        }
        if (v instanceof Number n) {
          yield -n.doubleValue();
        }
        throw new ExprException("invalid operation: -" + ExprNumbers.typeName(v), u.col());
      }
      default -> {
        if (v instanceof Number) {
          yield v;
        }
        throw new ExprException("invalid operation: +" + ExprNumbers.typeName(v), u.col());
      }
    };
  }

  private Object binary(Binary b) {
    String op = b.op();
    switch (op) {
      case "and", "&&" -> {
        return truth(eval(b.left()), op, b.col()) && truth(eval(b.right()), op, b.col());
      }
      case "or", "||" -> {
        return truth(eval(b.left()), op, b.col()) || truth(eval(b.right()), op, b.col());
      }
      case "??" -> {
        Object left = eval(b.left());
        return left != null ? left : eval(b.right());
      }
      default -> {}
    }
    Object l = eval(b.left());
    Object r = eval(b.right());
    try {
      return switch (op) {
        case "==" -> ExprNumbers.equal(l, r);
        case "!=" -> !ExprNumbers.equal(l, r);
        case "<" -> ExprNumbers.compare(op, l, r) < 0;
        case ">" -> ExprNumbers.compare(op, l, r) > 0;
        case "<=" -> ExprNumbers.compare(op, l, r) <= 0;
        case ">=" -> ExprNumbers.compare(op, l, r) >= 0;
        case "in" -> in(l, r);
        case "matches" -> {
          if (!(l instanceof String s) || !(r instanceof String p)) {
            throw ExprNumbers.mismatched(op, l, r);
          }
          yield ExprBuiltins.regex(p).matcher(s).find();
        }
        case "contains", "startsWith", "endsWith" -> {
          if (!(l instanceof String s) || !(r instanceof String t)) {
            throw ExprNumbers.mismatched(op, l, r);
          }
          yield op.equals("contains")
              ? s.contains(t)
              : op.equals("startsWith") ? s.startsWith(t) : s.endsWith(t);
        }
        case ".." -> {
          if (!ExprNumbers.isInt(l) || !ExprNumbers.isInt(r)) {
            throw ExprNumbers.mismatched(op, l, r);
          }
          ExprLimits.check((double) ((Number) r).longValue() - ((Number) l).longValue() + 1, "..");
          List<Object> out = new ArrayList<>();
          for (long i = ((Number) l).longValue(); i <= ((Number) r).longValue(); i++) {
            out.add(i);
          }
          yield out;
        }
        default -> ExprNumbers.arithmetic(op, l, r);
      };
    } catch (ExprException e) {
      throw e.column() == 0 ? new ExprException(e.getMessage(), b.col(), e) : e;
    } catch (PatternSyntaxException e) {
      throw new ExprException("invalid regexp: " + e.getDescription(), b.col());
    }
  }

  static boolean in(Object needle, Object haystack) {
    return switch (haystack) {
      case null -> false;
      case List<?> list -> list.stream().anyMatch(x -> ExprNumbers.equal(x, needle));
      case Map<?, ?> map -> map.containsKey(needle);
      default -> throw ExprNumbers.mismatched("in", needle, haystack);
    };
  }

  private Object chain(Chain c) {
    try {
      return eval(c.node());
    } catch (NilChain n) {
      return null;
    }
  }

  private Object member(Member m) {
    Object base = eval(m.node());
    if (base == null && m.optional()) {
      throw NIL_CHAIN;
    }
    Object prop = eval(m.property());
    return fetch(base, prop, m.col());
  }

  static Object fetch(Object base, Object prop, int col) {
    switch (base) {
      case Map<?, ?> map -> {
        return ExprNumbers.normalize(map.get(prop instanceof String s ? s : prop));
      }
      case List<?> list when prop instanceof Number n -> {
        return ExprNumbers.normalize(list.get(index(n.longValue(), list.size(), col)));
      }
      case String s when prop instanceof Number n -> {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return (long) (bytes[index(n.longValue(), bytes.length, col)] & 0xff);
      }
      case null, default -> {
        String what = prop instanceof String ? (String) prop : GoFormat.format(prop);
        throw new ExprException(
            "cannot fetch " + what + " from " + ExprNumbers.typeName(base), col);
      }
    }
  }

  private static int index(long i, int size, int col) {
    long idx = i < 0 ? size + i : i;
    if (idx < 0 || idx >= size) {
      throw new ExprException(
          "index out of range: " + idx + " (array length is " + size + ")", col);
    }
    return (int) idx;
  }

  private Object slice(Slice s) {
    Object base = eval(s.node());
    Object fromV = s.from() == null ? null : eval(s.from());
    Object toV = s.to() == null ? null : eval(s.to());
    int length =
        switch (base) {
          case List<?> l -> l.size();
          case String str -> str.length();
          case null, default ->
              throw new ExprException("cannot slice " + ExprNumbers.typeName(base), s.col());
        };
    long a = fromV == null ? 0 : ExprNumbers.toLong(fromV);
    long b = toV == null ? length : ExprNumbers.toLong(toV);
    a = a < 0 ? Math.max(0, length + a) : a;
    b = b < 0 ? Math.max(0, length + b) : Math.min(b, length);
    a = Math.min(a, b);
    if (base instanceof String str) {
      return str.substring((int) a, (int) b);
    }
    return new ArrayList<>(((List<?>) base).subList((int) a, (int) b));
  }

  private Object call(Call c) {
    List<Object> args = new ArrayList<>();
    if (c.callee() instanceof Member m) {
      Object base = eval(m.node());
      if (base == null && m.optional()) {
        throw NIL_CHAIN;
      }
      String name = (String) ((Literal) m.property()).value();
      c.args().forEach(a -> args.add(eval(a)));
      if (!(base instanceof Map)) {
        return ExprMethods.invoke(base, name, args, m.col());
      }
      Object fn = fetch(base, name, m.col());
      if (fn instanceof ExprFunction f) {
        return invoke(f, args, name, m.col());
      }
      throw new ExprException("unknown function \"" + describe(m) + "\"", m.col());
    }
    Ident id = (Ident) c.callee();
    Object fn = argoFunction(id.name());
    if (fn == null) {
      fn = env.get(id.name());
    }
    if (!(fn instanceof ExprFunction f)) {
      throw new ExprException("unknown function \"" + id.name() + "\"", id.col());
    }
    c.args().forEach(a -> args.add(eval(a)));
    return invoke(f, args, id.name(), id.col());
  }

  static String describe(Member m) {
    String prop = String.valueOf(((Literal) m.property()).value());
    return m.node() instanceof Ident i ? i.name() + "." + prop : prop;
  }

  static Object invoke(ExprFunction f, List<Object> args, String name, int col) {
    try {
      return ExprNumbers.normalize(f.call(args));
    } catch (ExprException e) {
      throw e.column() == 0 ? new ExprException(e.getMessage(), col, e) : e;
    } catch (RuntimeException e) {
      throw new ExprException(name + ": " + e.getMessage(), col, e);
    }
  }

  private Object builtin(Builtin b) {
    List<Object> args = new ArrayList<>();
    b.args().forEach(a -> args.add(eval(a)));
    return invoke(a -> ExprBuiltins.call(b.name(), a), args, b.name(), b.col());
  }

  private Object predicate(Builtin b) {
    Object collection = eval(b.args().get(0));
    ExprNode body = b.args().size() > 1 ? ((Predicate) b.args().get(1)).body() : null;
    Object extra = b.args().size() > 2 ? eval(b.args().get(2)) : null;
    try {
      return new ExprPredicates(this).apply(b.name(), collection, body, extra, b.args().size());
    } catch (ExprException e) {
      throw e.column() == 0 ? new ExprException(e.getMessage(), b.col(), e) : e;
    }
  }

  /** Evaluates {@code body} with {@code #} bound to {@code element}. */
  /** How many closure calls one evaluation may make: nested loops cannot spin a worker for ever. */
  static final long MAX_STEPS = 10_000_000;

  private long steps;

  Object withElement(ExprNode body, Object element, long index, Object acc) {
    if (++steps > MAX_STEPS) {
      throw new ExprLimits.TooLarge(
          "the expression calls its closures more than " + MAX_STEPS + " times, the limit");
    }
    scopes.add(new Scope(element, index, acc));
    try {
      return eval(body);
    } finally {
      scopes.remove(scopes.size() - 1);
    }
  }
}
