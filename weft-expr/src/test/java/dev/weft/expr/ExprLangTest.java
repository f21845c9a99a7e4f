package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprLangTest {
  private static final Map<String, Object> ENV =
      Map.of(
          "inputs",
          Map.of("parameters", Map.of("should-print", "true", "foo", "3", "n", "7")),
          "xs",
          List.of(1L, 2L, 3L),
          "people",
          List.of(Map.of("name", "Ann", "age", 31L), Map.of("name", "Bob", "age", 19L)),
          "s",
          "Hello",
          "nothing",
          Map.of());

  private static Object eval(String source) {
    return ExprLang.evaluate(source, ENV);
  }

  /** Each expression is rendered with Go's %v formatting of its result. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " ⇒ ",
      quoteCharacter = '`',
      textBlock =
          """
          1 + 2 ⇒ 3
          7 / 2 ⇒ 3.5
          4 / 2 ⇒ 2
          7 % 3 ⇒ 1
          2 ** 10 ⇒ 1024
          2 ^ 3 ^ 2 ⇒ 512
          -3 + 1 ⇒ -2
          1.5 * 2 ⇒ 3
          1_000 + 0x10 + 0b11 + 0o7 ⇒ 1026
          1e3 ⇒ 1000
          'a' + "b" + `c` ⇒ abc
          "tab\\there" ⇒ `tab	here`
          'it\\'s' ⇒ it's
          "\\u0041" ⇒ A
          true && !false ⇒ true
          true and not false ⇒ true
          false || true or false ⇒ true
          1 < 2 < 3 ⇒ true
          3 > 2 > 2 ⇒ false
          'abc' < 'abd' ⇒ true
          1 == 1.0 ⇒ true
          'a' == 'a' ⇒ true
          nil == nil ⇒ true
          2 in xs ⇒ true
          5 not in xs ⇒ true
          'foo' in {foo: 1} ⇒ true
          'hello' contains 'ell' ⇒ true
          'hello' startsWith 'he' ⇒ true
          'hello' endsWith 'lo' ⇒ true
          'hello' not contains 'z' ⇒ true
          'abc123' matches '[0-9]+' ⇒ true
          1..3 ⇒ [1 2 3]
          xs[0] ⇒ 1
          xs[-1] ⇒ 3
          xs[1:] ⇒ [2 3]
          xs[:2] ⇒ [1 2]
          xs[1:2] ⇒ [2]
          s[1:3] ⇒ el
          true ? 'y' : 'n' ⇒ y
          false ? 'y' : 'n' ⇒ n
          nil ?? 'd' ⇒ d
          'v' ?? 'd' ⇒ v
          nothing.missing ?? 'd' ⇒ d
          nothing?.a?.b ⇒ <nil>
          inputs.parameters['should-print'] ⇒ true
          inputs.parameters["should-print"] == 'true' ⇒ true
          inputs.parameters.foo ⇒ 3
          people[0].name ⇒ Ann
          [1, 2, 3] ⇒ [1 2 3]
          {a: 1, 'b': 2}.b ⇒ 2
          filter(xs, # > 1) ⇒ [2 3]
          filter([1, 3], {# > 1}) ⇒ [3]
          map(xs, # * 2) ⇒ [2 4 6]
          map(people, .name) ⇒ [Ann Bob]
          map(people, #.name) ⇒ [Ann Bob]
          all(xs, # > 0) ⇒ true
          any(xs, # > 2) ⇒ true
          none(xs, # > 5) ⇒ true
          one(xs, # == 2) ⇒ true
          count(xs, # > 1) ⇒ 2
          sum(xs) ⇒ 6
          find(xs, # > 1) ⇒ 2
          findIndex(xs, # > 1) ⇒ 1
          findLast(xs, # < 3) ⇒ 2
          reduce(xs, #acc + #, 10) ⇒ 16
          map(xs, #index) ⇒ [0 1 2]
          sortBy(people, .age)[0].name ⇒ Bob
          xs | map(# + 1) ⇒ [2 3 4]
          'a,b' | split(',') ⇒ [a b]
          let x = 2; x * 3 ⇒ 6
          if 1 > 2 { 'a' } else { 'b' } ⇒ b
          len('héllo') ⇒ 6
          len(xs) ⇒ 3
          abs(-2) ⇒ 2
          int('42') + 1 ⇒ 43
          int(3.9) ⇒ 3
          float('1.5') ⇒ 1.5
          string(12) ⇒ 12
          string(xs) ⇒ [1 2 3]
          trim('  x  ') ⇒ x
          trim('xxaxx', 'x') ⇒ a
          trimPrefix('foobar', 'foo') ⇒ bar
          trimSuffix('foobar', 'bar') ⇒ foo
          upper('a') + lower('B') ⇒ Ab
          split('a-b-c', '-', 2) ⇒ [a b-c]
          join(['a', 'b'], '-') ⇒ a-b
          replace('aaa', 'a', 'b') ⇒ bbb
          repeat('ab', 2) ⇒ abab
          indexOf('hello', 'l') ⇒ 2
          lastIndexOf('hello', 'l') ⇒ 3
          hasPrefix('hello', 'he') ⇒ true
          hasSuffix('hello', 'lo') ⇒ true
          max(1, 5, 3) ⇒ 5
          min([4, 2, 8]) ⇒ 2
          mean([1, 2, 3, 4]) ⇒ 2.5
          median([1, 3, 2]) ⇒ 2
          round(2.5) ⇒ 3
          ceil(1.2) ⇒ 2
          floor(1.8) ⇒ 1
          first(xs) ⇒ 1
          last(xs) ⇒ 3
          keys({a: 1}) ⇒ [a]
          values({a: 1}) ⇒ [1]
          reverse(xs) ⇒ [3 2 1]
          uniq([1, 1, 2]) ⇒ [1 2]
          concat([1], [2]) ⇒ [1 2]
          flatten([1, [2, [3]]]) ⇒ [1 2 3]
          sort([3, 1, 2]) ⇒ [1 2 3]
          sort(['b', 'a'], 'desc') ⇒ [b a]
          take(xs, 2) ⇒ [1 2]
          get(xs, 10) ⇒ <nil>
          toBase64('hi') ⇒ aGk=
          fromBase64('aGk=') ⇒ hi
          fromJSON('{"a": [1, 2]}').a[1] ⇒ 2
          type(1.5) ⇒ float
          duration('1h30m').Minutes() ⇒ 90
          toPairs({a: 1}) ⇒ [[a 1]]
          fromPairs([['a', 1]]).a ⇒ 1
          groupBy(xs, # % 2 == 0)['true'] ⇒ [2]
          1 /* inline */ + 1 ⇒ 2
          """)
  void expressionsEvaluateLikeExprLang(String source, String expected) {
    assertThat(GoFormat.format(eval(source))).isEqualTo(expected);
  }

  @Test
  void toJsonBuiltinIndentsWithTwoSpaces() {
    assertThat(eval("toJSON({b: [1, 2], a: 'x'})"))
        .isEqualTo("{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    2\n  ]\n}");
  }

  @Test
  void lineCommentsAreIgnored() {
    assertThat(eval("1 + // one\n 2")).isEqualTo(3L);
  }

  @Test
  void integerDivisionYieldsFloat() {
    assertThat(eval("4 / 2")).isEqualTo(2.0);
  }

  @Test
  void integerArithmeticStaysLong() {
    assertThat(eval("2 * 3 - 1")).isEqualTo(5L);
  }

  @Test
  void mapLiteralYieldsJavaMap() {
    assertThat(eval("{a: 1, b: [true]}")).isEqualTo(Map.of("a", 1L, "b", List.of(true)));
  }

  @Test
  void missingMapKeyIsNil() {
    assertThat(eval("inputs.parameters.nope")).isNull();
  }

  @Test
  void unknownVariableIsAnError() {
    assertThatThrownBy(() -> eval("foo + 1"))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("unknown name foo");
  }

  @Test
  void unknownFunctionIsRejectedByCheck() {
    assertThatThrownBy(() -> ExprLang.check("foo(1)"))
        .isInstanceOf(ExprException.class)
        .hasMessage("unknown function \"foo\"");
  }

  @Test
  void unknownSprigFunctionIsRejectedByCheck() {
    assertThatThrownBy(() -> ExprLang.check("sprig.nope('a')"))
        .hasMessage("unknown function \"sprig.nope\"");
  }

  @Test
  void unexpectedTokenReportsColumn() {
    assertThatThrownBy(() -> ExprLang.check("(1 + 2))"))
        .isInstanceOfSatisfying(
            ExprException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("unexpected token \")\" at column 8");
              assertThat(e.column()).isEqualTo(8);
            });
  }

  @Test
  void unterminatedStringIsRejected() {
    assertThatThrownBy(() -> ExprLang.check("'abc")).hasMessageContaining("literal not terminated");
  }

  @Test
  void hyphenatedMemberNeedsBrackets() {
    assertThatThrownBy(() -> eval("inputs.parameters.should-print"))
        .isInstanceOf(ExprException.class);
  }

  @Test
  void fetchingFromNilIsAnError() {
    assertThatThrownBy(() -> eval("nothing.a.b")).hasMessageContaining("cannot fetch b from <nil>");
  }

  @Test
  void indexOutOfRangeIsAnError() {
    assertThatThrownBy(() -> eval("xs[5]"))
        .hasMessageContaining("index out of range: 5 (array length is 3)");
  }

  @Test
  void mixingCoalesceWithOtherOperatorsNeedsParentheses() {
    assertThatThrownBy(() -> ExprLang.check("a ?? b + 1")).hasMessageContaining("cannot be mixed");
  }

  @Test
  void mismatchedTypesAreReported() {
    assertThatThrownBy(() -> eval("'a' + 1"))
        .hasMessageContaining("invalid operation: + (mismatched types string and int)");
  }

  @Test
  void pointerOutsideClosureIsASyntaxError() {
    assertThatThrownBy(() -> ExprLang.check("# > 1")).isInstanceOf(ExprException.class);
  }

  @Test
  void integerEnvValuesAreNormalizedToLong() {
    assertThat(ExprLang.evaluate("x + 1", Map.of("x", 41))).isEqualTo(42L);
  }

  @Test
  void nowMinusTimeGivesDurationWithSeconds() {
    Object seconds =
        ExprLang.evaluate(
            "(now() - t).Seconds() > 360", Map.of("t", java.time.Instant.now().minusSeconds(3600)));
    assertThat(seconds).isEqualTo(true);
  }

  @Test
  void cronWhenExpressionAcceptsNilLastScheduledTime() {
    Map<String, Object> env = new java.util.HashMap<>();
    env.put("cronworkflow", new java.util.HashMap<String, Object>());
    assertThat(
            ExprLang.evaluate(
                "cronworkflow.lastScheduledTime == nil"
                    + " || (now() - cronworkflow.lastScheduledTime).Seconds() > 360",
                env))
        .isEqualTo(true);
  }
}
