package dev.weft.expr;

import dev.weft.expr.ExprNode.Call;
import dev.weft.expr.ExprNode.Ident;
import dev.weft.expr.ExprNode.Let;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * expr-lang as Argo runs an expression it compiles with {@code expr.Env(env)}: the event selectors
 * and {@code valueFrom.event} of WorkflowEventBindings (expr's own builtins only) and their {@code
 * submit.metadata} (with Argo's functions too). Unlike {@code {{= }}} tags, every free name must be
 * in the environment, checked before anything runs: an unknown name is a compile error even where
 * it would never be evaluated. Errors read as expr-lang's: the message, then {@code (line:col)} and
 * a snippet with a caret; a blank source is {@code unexpected token EOF}.
 */
public final class CheckedExpr {
  /** Which functions besides expr's builtins an expression may call. */
  public enum Functions {
    EXPR_ONLY,
    WITH_ARGO
  }

  private static final Pattern AT_COLUMN =
      Pattern.compile("^(.*) at column (\\d+)$", Pattern.DOTALL);

  private CheckedExpr() {}

  /** An expression that compiled: its names are known, it can run against any such env. */
  public static final class Compiled {
    private final String source;
    private final ExprNode node;
    private final Functions functions;

    private Compiled(String source, ExprNode node, Functions functions) {
      this.source = source;
      this.node = node;
      this.functions = functions;
    }

    /** Runs the expression; a failure is an {@link ExprException} worded as expr-lang's. */
    public Object run(Map<String, Object> env) {
      try {
        return new ExprInterpreter(env, functions == Functions.WITH_ARGO).eval(node);
      } catch (ExprException e) {
        throw located(source, e);
      }
    }
  }

  /** Compiles {@code source} against the environment's names, then runs it. */
  public static Object evaluate(String source, Map<String, Object> env, Functions functions) {
    return compile(source, env.keySet(), functions).run(env);
  }

  /**
   * Parses {@code source} and checks that it names only {@code names} and known functions: what
   * expr-lang's {@code Compile} with {@code expr.Env} refuses.
   */
  public static Compiled compile(String source, Set<String> names, Functions functions) {
    try {
      return new Compiled(source, parse(source, names, functions), functions);
    } catch (ExprException e) {
      throw located(source, e);
    }
  }

  /**
   * What {@link #compile} would refuse, for a linter: the bare message (no location or snippet)
   * with {@link ExprException#column()} the 1-based offset in {@code source}.
   */
  public static void check(String source, Set<String> names, Functions functions) {
    try {
      parse(source, names, functions);
    } catch (ExprException e) {
      throw new ExprException(bare(e.getMessage()), e.column(), e);
    }
  }

  private static ExprNode parse(String source, Set<String> names, Functions functions) {
    if (source == null || source.isBlank()) throw new ExprException("unexpected token EOF");
    ExprNode node = ExprParser.parse(source);
    if (functions == Functions.WITH_ARGO) ExprWalker.checkFunctions(node);
    requireKnownNames(node, names, functions, new HashSet<>());
    return node;
  }

  private static String bare(String message) {
    if (message == null) return "";
    Matcher m = AT_COLUMN.matcher(message);
    if (m.matches()) message = m.group(1);
    return message.equals("unexpected end of expression") ? "unexpected token EOF" : message;
  }

  /** Every identifier must be a let binding in scope, an environment name or a function. */
  private static void requireKnownNames(
      ExprNode node, Set<String> names, Functions functions, Set<String> bound) {
    switch (node) {
      case null -> {}
      case Ident i -> {
        boolean argo = functions == Functions.WITH_ARGO && ArgoFunctions.has(i.name());
        if (!bound.contains(i.name())
            && !names.contains(i.name())
            && !argo
            && !i.name().equals("$env")) {
          throw new ExprException("unknown name " + i.name(), i.col());
        }
      }
      case Call c when c.callee() instanceof Ident f -> {
        if (functions == Functions.EXPR_ONLY && !bound.contains(f.name())) {
          throw new ExprException("unknown func " + f.name(), f.col());
        }
        c.args().forEach(a -> requireKnownNames(a, names, functions, bound));
      }
      case Let l -> {
        requireKnownNames(l.value(), names, functions, bound);
        Set<String> inner = new HashSet<>(bound);
        inner.add(l.name());
        requireKnownNames(l.body(), names, functions, inner);
      }
      default ->
          ExprWalker.forEachChild(node, child -> requireKnownNames(child, names, functions, bound));
    }
  }

  /** The error as expr-lang words it: {@code message (line:col)}, the line, a caret under it. */
  private static ExprException located(String source, ExprException e) {
    String message = bare(e.getMessage());
    int column = e.column();
    if (column <= 0 || column > source.length() + 1) return new ExprException(message, column, e);
    int offset = column - 1;
    int lineStart = source.lastIndexOf('\n', offset - 1) + 1;
    int lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length();
    long line = source.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
    int col = offset - lineStart;
    String text = source.substring(lineStart, lineEnd).replace('\t', ' ');
    if (text.isEmpty()) return new ExprException(message, column, e);
    return new ExprException(
        message + " (" + line + ":" + (col + 1) + ")\n | " + text + "\n | " + ".".repeat(col) + "^",
        column,
        e);
  }
}
