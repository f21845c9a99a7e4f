package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mirrors Argo's Test_getIdentifiers (util/template/expression_template_test.go). */
class ExprIdentifiersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " ⇒ ",
      quoteCharacter = '`',
      textBlock =
          """
          item.requiredKey ⇒ item,item.requiredKey
          item.optionalKey ?? 'fallback' ⇒ item
          item['optionalKey'] ?? '' ⇒ item
          item?.optionalKey ⇒ item
          item.a?.b ⇒ item
          item.requiredKey + (item.optionalKey ?? 'x') ⇒ item,item.requiredKey
          tasks.a.outputs.result ?? 'default' ⇒ tasks
          jsonpath(x, '$.a') ⇒ jsonpath,x
          sprig.add(1, 2) ⇒ sprig,sprig.add
          filter(xs, # > 1) ⇒ xs
          """)
  void identifiersSkipGuardedMemberPaths(String source, String expected) {
    assertThat(String.join(",", ExprLang.identifiers(source))).isEqualTo(expected);
  }
}
