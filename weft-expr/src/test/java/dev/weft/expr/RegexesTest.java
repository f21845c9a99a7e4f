package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.PatternSyntaxException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegexesTest {
  @Test
  void nestedRepeatsMultiplyingPastAThousandAreRefusedAsGoRefusesThem() {
    // RE2/J alone would spend gigabytes compiling this one
    assertThatThrownBy(() -> Regexes.compile("((a{1000}){1000}){1000}"))
        .isInstanceOf(PatternSyntaxException.class)
        .hasMessageContaining("invalid repeat count");
    assertThatThrownBy(() -> Regexes.compile("(a{100}){100}b"))
        .hasMessageContaining("invalid repeat count");
  }

  @Test
  void anExpressionExpandingPastTheSizeLimitIsRefused() {
    assertThatThrownBy(() -> Regexes.compile("(a{1000}b{1000}){100}"))
        .isInstanceOf(PatternSyntaxException.class);
    assertThatThrownBy(() -> Regexes.compile("a{1000}".repeat(200)))
        .hasMessageContaining("too large");
  }

  @Test
  void ordinaryPatternsCompile() {
    for (String p :
        List.of("^[a-z]{1,10}$", "(ab){3}", "a{2,}b", "\\{1000\\}", "[{]1000}", "x{1000}")) {
      assertThat(Regexes.compile(p).matcher("").matches()).as(p).isIn(true, false);
    }
  }

  @Test
  void aRegexFunctionWithAHugePatternIsAnExpressionError() {
    assertThatThrownBy(
            () -> ExprLang.evaluate("sprig.regexMatch('((a{1000}){1000}){1000}', 'a')", Map.of()))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void aReplacementRepeatingAHugeGroupIsRefusedAsItGrows() {
    assertThatThrownBy(
            () ->
                ExprLang.evaluate(
                    "sprig.regexReplaceAll('(.*)', sprig.repeat(1000000, 'x'), sprig.repeat(1000, '$1'))",
                    Map.of()))
        .isInstanceOf(ExprException.class)
        .satisfies(e -> assertThat(ExprLimits.exceeded(e)).isTrue());
  }

  @Test
  void splittingAnEmptyStringGivesOneEmptyPartAsInGo() {
    assertThat(ExprLang.evaluate("sprig.regexSplit(',', '', -1)", Map.of())).isEqualTo(List.of(""));
    assertThat(ExprLang.evaluate("sprig.regexSplit(',', 'a,b', 0)", Map.of())).isEqualTo(List.of());
  }
}
