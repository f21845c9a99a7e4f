package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExprLimitsTest {
  /** Each would build gigabytes (or more) if it were allowed to run. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "repeat('x', 4000000000)",
        "sprig.repeat(2000000000, 'xy')",
        "reduce(1..40, #acc + #acc, 'x')",
        "reduce(1..40, concat(#acc, #acc), ['x'])",
        "1..9000000000",
        "sprig.until(9000000000)",
        "sprig.untilStep(0, 9000000000, 1)",
        "sprig.seq(9000000000)",
        "sprig.indent(2000000000, 'a')",
        "map(1..1000, repeat('x', 1000000))",
        "join(map(1..100000, repeat('x', 1000)), '')",
        // each argument within the limit, the result built in one call: refused before it is
        "replace(sprig.repeat(46000, 'a'), '', sprig.repeat(46000, 'b'))",
        "sprig.replace('a', sprig.repeat(46000, 'b'), sprig.repeat(46000, 'a'))",
        "join(map(1..1000, sprig.repeat(1000, 'x')), sprig.repeat(900000, 's'))",
        "sprig.join(sprig.repeat(900000, 's'), map(1..1000, 'x'))",
        "map(1..1000000, sprig.repeat(1000000, 'x'))",
        "sprig.regexReplaceAll('', sprig.repeat(1000000, 'x'), sprig.repeat(1000000, 'y'))",
      })
  void expressionsThatWouldBuildHugeValuesAreRefused(String source) {
    assertThatThrownBy(() -> ExprLang.evaluate(source, Map.of()))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("more than the limit of " + ExprLimits.MAX_SIZE)
        .satisfies(e -> assertThat(ExprLimits.exceeded(e)).isTrue());
  }

  @Test
  void closuresNestedToBillionsOfCallsAreStoppedAtTheStepLimit() {
    assertThatThrownBy(() -> ExprLang.evaluate("all(1..100000, all(1..100000, true))", Map.of()))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("more than " + ExprInterpreter.MAX_STEPS + " times")
        .satisfies(e -> assertThat(ExprLimits.exceeded(e)).isTrue());
  }

  @Test
  void aCatastrophicRegexMatchesInLinearTime() {
    // RE2, as Go's regexp: (a+)+$ on a's and a final '!' backtracks for ever in java.util.regex
    assertThat(
            ExprLang.evaluate(
                "sprig.regexMatch('^(a+)+$', sprig.repeat(50000, 'a') + '!')", Map.of()))
        .isEqualTo(false);
  }

  @Test
  void valuesUpToTheLimitAreBuilt() {
    Object v = ExprLang.evaluate("repeat('x', " + ExprLimits.MAX_SIZE + ")", Map.of());

    assertThat((String) v).hasSize(ExprLimits.MAX_SIZE);
  }

  @Test
  void aTooLargeResultInATemplateIsAnErrorNotLeftUnresolved() {
    assertThatThrownBy(
            () -> TemplateText.render("{{= sprig.repeat(999999999, 'x') }}", Map.of(), true))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("repeat would build a value of 999999999 characters");
  }

  @Test
  void govaluateConcatenationIsBounded() {
    String half = "x".repeat(ExprLimits.MAX_SIZE / 2 + 1);

    assertThatThrownBy(() -> Govaluate.evaluateWhen("'" + half + "' + '" + half + "' == 'x'"))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("more than the limit");
  }
}
