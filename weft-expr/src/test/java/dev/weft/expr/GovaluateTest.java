package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GovaluateTest {

  /** Every when-expression of the Argo example corpus, after plausible substitution. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " ⇒ ",
      quoteCharacter = '`',
      textBlock =
          """
          Failed == Failed ⇒ true
          Succeeded == Failed ⇒ false
          Succeeded == Succeeded ⇒ true
          Failed != Succeeded ⇒ true
          even == even ⇒ true
          odd == even ⇒ false
          heads == heads ⇒ true
          tails == heads ⇒ false
          true == true ⇒ true
          false == true ⇒ false
          YES == YES ⇒ true
          NO == YES ⇒ false
          3 < 10 ⇒ true
          10 < 10 ⇒ false
          5 != 1 && 5 != 2 ⇒ true
          2 != 1 && 2 != 2 ⇒ false
          false ⇒ false
          heads =~ hea ⇒ true
          tails =~ hea ⇒ false
          tails =~ tai ⇒ true
          ( heads == heads && tails == tails ) || ( heads == tails && tails == tails ) ⇒ true
          ( tails == heads && tails == tails ) || ( tails == tails && heads == tails ) ⇒ false
          ( tails == heads && tails == tails ) || ( tails == tails && tails == tails ) ⇒ true
          """)
  void corpusWhenExpressionsEvaluateAsArgoDoes(String expression, boolean expected) {
    assertThat(Govaluate.evaluateWhen(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " ⇒ ",
      quoteCharacter = '`',
      textBlock =
          """
          1 + 2 == 3 ⇒ true
          2 ** 3 == 8 ⇒ true
          7 % 3 == 1 ⇒ true
          10 / 4 == 2.5 ⇒ true
          -1 < 0 ⇒ true
          !(1 == 2) ⇒ true
          'a' + 'b' == 'ab' ⇒ true
          'abc' < 'abd' ⇒ true
          "b" > "a" ⇒ true
          1 in (1, 2, 3) ⇒ true
          4 in (1, 2, 3) ⇒ false
          'x' in ('x', 'y') ⇒ true
          (true ? 1 : 2) == 1 ⇒ true
          (false ? 1 : 2) == 2 ⇒ true
          1 + 2 * 3 == 7 ⇒ true
          10 - 2 - 3 == 5 ⇒ true
          2 ** 3 ** 2 == 64 ⇒ true
          0x10 == 16 ⇒ true
          1 >= 1 && 2 <= 2 ⇒ true
          abc !~ x ⇒ true
          'hello world' =~ '^hello' ⇒ true
          1.5 == 1.50 ⇒ true
          a == 'a' ⇒ true
          'Build' + 1 == 'Build1' ⇒ true
          (1 | 2) == 3 ⇒ true
          (6 & 3) == 2 ⇒ true
          (1 << 4) == 16 ⇒ true
          '2024-01-02' > '2024-01-01' ⇒ true
          """)
  void operatorsFollowGovaluateSemantics(String expression, boolean expected) {
    assertThat(Govaluate.evaluateWhen(expression)).isEqualTo(expected);
  }

  @Test
  void emptyExpressionIsTrue() {
    assertThat(Govaluate.evaluateWhen("")).isTrue();
  }

  @Test
  void falseShortCircuitsAndBeforeTypeChecks() {
    assertThat(Govaluate.evaluateWhen("false && 1")).isFalse();
  }

  @Test
  void nonBooleanResultIsRejectedWithArgoMessage() {
    assertThatThrownBy(() -> Govaluate.evaluateWhen("1 + 2"))
        .isInstanceOf(ExprException.class)
        .hasMessage("Expected boolean evaluation for '1 + 2'. Got 3");
  }

  @Test
  void bareWordIsAStringSoNotBoolean() {
    assertThatThrownBy(() -> Govaluate.evaluateWhen("heads"))
        .hasMessage("Expected boolean evaluation for 'heads'. Got heads");
  }

  @Test
  void hyphenatedWordIsSubtractionOfStrings() {
    assertThatThrownBy(() -> Govaluate.evaluateWhen("Build-Failed == Build-Failed"))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("Failed to evaluate 'when' expresion")
        .hasMessageContaining(
            "Value 'Build' cannot be used with the modifier '-', it is not a number");
  }

  @Test
  void quotedHyphenatedWordCompares() {
    assertThat(Govaluate.evaluateWhen("'Build-Failed' == 'Build-Failed'")).isTrue();
  }

  @Test
  void dottedLowercaseTokenIsAnUnexportedFieldError() {
    assertThatThrownBy(() -> Govaluate.checkWhen("a.b == c"))
        .hasMessageContaining("Invalid 'when' expression 'a.b == c'")
        .hasMessageContaining("Unable to access unexported field 'b' in token 'a.b'");
  }

  @Test
  void dottedAccessorFailsAtEvaluationForLackOfParameters() {
    assertThatThrownBy(() -> Govaluate.evaluateWhen("a.B == c"))
        .hasMessageContaining("No parameter 'a' found.");
  }

  @Test
  void unknownSymbolGetsQuotingHint() {
    assertThatThrownBy(() -> Govaluate.checkWhen("a == $b"))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("Invalid token: '$'")
        .hasMessageContaining("hint: try wrapping the affected expression in quotes");
  }

  @Test
  void invalidTokenReportsItsColumn() {
    assertThatThrownBy(() -> Govaluate.checkWhen("a == $b"))
        .isInstanceOfSatisfying(ExprException.class, e -> assertThat(e.column()).isEqualTo(6));
  }

  @Test
  void unbalancedParenthesesAreRejected() {
    assertThatThrownBy(() -> Govaluate.checkWhen("(a == b"))
        .hasMessageContaining("Unbalanced parenthesis");
  }

  @Test
  void danglingOperatorIsUnexpectedEnd() {
    assertThatThrownBy(() -> Govaluate.checkWhen("a =="))
        .hasMessageContaining("Unexpected end of expression");
  }

  @Test
  void numberFollowedByWordCannotTransition() {
    assertThatThrownBy(() -> Govaluate.checkWhen("3rd == 3rd"))
        .hasMessageContaining("Cannot transition token types from NUMERIC [3] to VARIABLE [rd]");
  }

  @Test
  void negatedBareWordFailsAfterStringConversion() {
    assertThatThrownBy(() -> Govaluate.checkWhen("!foo"))
        .hasMessageContaining("Failed to parse 'when' expression '!foo'")
        .hasMessageContaining("Cannot transition token types from PREFIX [!] to STRING [foo]");
  }

  @Test
  void stringNumberComparisonIsATypeError() {
    assertThatThrownBy(() -> Govaluate.evaluateWhen("abc < 3"))
        .hasMessageContaining(
            "Value 'abc' cannot be used with the comparator '<', it is not a number");
  }

  @Test
  void numbersAndStringsAreNeverEqual() {
    assertThat(Govaluate.evaluateWhen("1 == '1'")).isFalse();
  }

  @Test
  void bracketedVariableKeepsSpacesAsOneString() {
    assertThat(Govaluate.evaluateWhen("[hello world] == 'hello world'")).isTrue();
  }

  @Test
  void unicodeWordsAreVariables() {
    assertThat(Govaluate.evaluateWhen("café == café")).isTrue();
  }

  @Test
  void invalidRegexIsAParseError() {
    assertThatThrownBy(() -> Govaluate.checkWhen("a =~ '('"))
        .hasMessageContaining("Invalid 'when' expression");
  }

  @Test
  void unclosedStringIsRejected() {
    assertThatThrownBy(() -> Govaluate.checkWhen("a == 'b"))
        .hasMessageContaining("Unclosed string literal");
  }

  @Test
  void ternaryWithoutElseYieldsNilWhenFalse() {
    assertThatThrownBy(() -> Govaluate.evaluateWhen("false ? true"))
        .hasMessage("Expected boolean evaluation for 'false ? true'. Got <nil>");
  }

  @Test
  void coalesceReturnsLeftWhenPresent() {
    assertThat(Govaluate.evaluateWhen("true ?? false")).isTrue();
  }
}
