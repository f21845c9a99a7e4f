package dev.weft.expr;

import java.util.List;

/** A function value callable from an expression (Argo's env functions, sprig functions). */
@FunctionalInterface
interface ExprFunction {
  Object call(List<Object> args);
}
