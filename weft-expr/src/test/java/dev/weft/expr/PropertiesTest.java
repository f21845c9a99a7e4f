package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PropertiesTest {

  @Property
  void renderWithoutTagsIsIdentity(@ForAll String text) {
    String noTags = text.replace("{{", "{");
    assertThat(TemplateText.render(noTags, Map.of(), false)).isEqualTo(noTags);
  }

  @Property
  void govaluateArithmeticMatchesJava(
      @ForAll @IntRange(min = -10000, max = 10000) int a,
      @ForAll @IntRange(min = -10000, max = 10000) int b) {
    String expr = a + " * 2 + " + b + " == " + ((double) a * 2 + b);
    assertThat(Govaluate.evaluateWhen(expr.replace("+ -", "- "))).isTrue();
  }

  @Property
  void govaluateComparisonMatchesJava(
      @ForAll @IntRange(min = 0, max = 1000) int a, @ForAll @IntRange(min = 0, max = 1000) int b) {
    assertThat(Govaluate.evaluateWhen(a + " < " + b)).isEqualTo(a < b);
  }

  @Property
  void exprIntegerArithmeticMatchesJava(
      @ForAll @IntRange(min = -100000, max = 100000) int a,
      @ForAll @IntRange(min = -100000, max = 100000) int b) {
    Object result = ExprLang.evaluate("a * 3 - b", Map.of("a", a, "b", b));
    assertThat(result).isEqualTo((long) a * 3 - b);
  }

  @Property
  void simpleTagSubstitutesAnyValue(@ForAll String value) {
    assertThat(TemplateText.render("<{{ x }}>", Map.of("x", value), false))
        .isEqualTo("<" + value + ">");
  }
}
