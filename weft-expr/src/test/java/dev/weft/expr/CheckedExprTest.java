package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.expr.CheckedExpr.Functions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckedExprTest {
  private static final Map<String, Object> ENV =
      Map.of(
          "payload",
          Map.of("foo", Map.of("bar", "baz"), "commits", List.of()),
          "metadata",
          Map.of("x-github-event", List.of("push")),
          "discriminator",
          "",
          "namespace",
          "argo");

  private static Object eval(String source) {
    return CheckedExpr.evaluate(source, ENV, Functions.EXPR_ONLY);
  }

  @Test
  void aListValuedHeaderEqualsAListLiteral() {
    assertThat(eval("metadata[\"x-github-event\"] == [\"push\"]")).isEqualTo(true);
  }

  @Test
  void aBlankSourceIsExprLangsEofError() {
    assertThatThrownBy(() -> eval("")).hasMessage("unexpected token EOF");
  }

  @Test
  void anUnknownNameIsAnErrorEvenWhereItWouldNotBeEvaluated() {
    assertThatThrownBy(() -> eval("false && nobody")).hasMessageStartingWith("unknown name nobody");
  }

  @Test
  void argosFunctionsAreNotVisibleWithoutBeingAskedFor() {
    assertThatThrownBy(() -> eval("sprig.upper(\"a\")"))
        .hasMessageStartingWith("unknown name sprig");
    assertThatThrownBy(() -> eval("asInt(\"1\")")).hasMessageStartingWith("unknown func asInt");
    assertThat(CheckedExpr.evaluate("sprig.upper(\"a\")", ENV, Functions.WITH_ARGO)).isEqualTo("A");
  }

  @Test
  void letBindingsAndClosuresAreInScope() {
    assertThat(eval("let p = \"sub/\"; any(payload.commits ?? [], {hasPrefix(#, p)})"))
        .isEqualTo(false);
  }

  @Test
  void anErrorIsLocatedAsExprLangLocatesIt() {
    assertThatThrownBy(() -> eval("garbage!!!!!!"))
        .hasMessageEndingWith("(1:8)\n | garbage!!!!!!\n | .......^");
  }

  @Test
  void anErrorOnALaterLineNamesThatLine() {
    assertThatThrownBy(() -> eval("true\n&& nobody"))
        .hasMessage("unknown name nobody (2:4)\n | && nobody\n | ...^");
  }
}
