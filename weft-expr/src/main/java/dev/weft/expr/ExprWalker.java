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
import dev.weft.expr.ExprNode.Pointer;
import dev.weft.expr.ExprNode.Predicate;
import dev.weft.expr.ExprNode.Sequence;
import dev.weft.expr.ExprNode.Slice;
import dev.weft.expr.ExprNode.Unary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Tree walks over expressions: static checks and the identifiers an expression refers to. */
final class ExprWalker {
  private ExprWalker() {}

  /** Calls {@code visit} for every node below {@code node}, then for it (post-order, as expr). */
  static void walk(ExprNode node, Consumer<ExprNode> visit) {
    if (node == null) {
      return;
    }
    forEachChild(node, child -> walk(child, visit));
    visit.accept(node);
  }

  /** Calls {@code visit} for the node's direct children (some may be null), in source order. */
  static void forEachChild(ExprNode node, Consumer<ExprNode> visit) {
    switch (node) {
      case Literal l -> {}
      case Ident i -> {}
      case Pointer p -> {}
      case Unary u -> visit.accept(u.node());
      case Binary b -> {
        visit.accept(b.left());
        visit.accept(b.right());
      }
      case Member m -> {
        visit.accept(m.node());
        visit.accept(m.property());
      }
      case Chain c -> visit.accept(c.node());
      case Slice s -> {
        visit.accept(s.node());
        visit.accept(s.from());
        visit.accept(s.to());
      }
      case Call c -> {
        visit.accept(c.callee());
        c.args().forEach(visit);
      }
      case Builtin b -> b.args().forEach(visit);
      case Predicate p -> visit.accept(p.body());
      case Conditional c -> {
        visit.accept(c.cond());
        visit.accept(c.then());
        visit.accept(c.otherwise());
      }
      case ArrayLit a -> a.items().forEach(visit);
      case MapLit m ->
          m.pairs()
              .forEach(
                  p -> {
                    visit.accept(p.key());
                    visit.accept(p.value());
                  });
      case Let l -> {
        visit.accept(l.value());
        visit.accept(l.body());
      }
      case Sequence s -> s.nodes().forEach(visit);
    }
  }

  /** Rejects calls of functions that neither expr nor Argo define. */
  static void checkFunctions(ExprNode root) {
    walk(
        root,
        n -> {
          if (n instanceof Call c
              && c.callee() instanceof Ident i
              && !ArgoFunctions.has(i.name())) {
            throw new ExprException("unknown function \"" + i.name() + "\"", i.col());
          }
          if (n instanceof Call c
              && c.callee() instanceof Member m
              && m.node() instanceof Ident i
              && i.name().equals("sprig")
              && m.property() instanceof Literal l
              && !SprigFunctions.has(String.valueOf(l.value()))) {
            throw new ExprException("unknown function \"sprig." + l.value() + "\"", m.col());
          }
        });
  }

  /**
   * The variables and member paths an expression requires, as Argo's {@code getIdentifiers}
   * computes them (util/template/expression_template.go): member paths guarded by {@code ??} or
   * {@code ?.} are left out, their base identifiers stay.
   */
  static List<String> identifiers(ExprNode root) {
    Set<ExprNode> guarded = Collections.newSetFromMap(new IdentityHashMap<>());
    walk(
        root,
        n -> {
          if (n instanceof Binary b && b.op().equals("??")) {
            walk(
                b.left(),
                x -> {
                  if (x instanceof Member) {
                    guarded.add(x);
                  }
                });
          }
          if (n instanceof Member m && m.optional() && m.node() instanceof Member) {
            guarded.add(m.node());
          }
        });
    Set<String> out = new LinkedHashSet<>();
    walk(
        root,
        n -> {
          if (guarded.contains(n)) {
            return;
          }
          if (n instanceof Ident i) {
            out.add(i.name());
          } else if (n instanceof Member m) {
            String path = memberPath(m);
            if (path != null) {
              out.add(path);
            }
          }
        });
    return new ArrayList<>(out);
  }

  private static String memberPath(Member node) {
    List<String> parts = new ArrayList<>();
    ExprNode cur = node;
    while (true) {
      if (!(cur instanceof Member m) || m.optional()) {
        return null;
      }
      if (!(m.property() instanceof Literal l) || !(l.value() instanceof String s)) {
        return null;
      }
      parts.add(0, s);
      ExprNode base = m.node() instanceof Chain c ? c.node() : m.node();
      if (base instanceof Ident i) {
        parts.add(0, i.name());
        return String.join(".", parts);
      }
      cur = base;
    }
  }
}
