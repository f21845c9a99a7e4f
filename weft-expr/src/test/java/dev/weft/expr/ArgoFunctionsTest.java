package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgoFunctionsTest {
  private static final String CONFIG =
      "{\"employees\": [{\"name\": \"Baris\", \"age\":43},{\"name\": \"Mo\", \"age\": 42},"
          + " {\"name\": \"Jai\", \"age\" :44}]}";
  private static final Map<String, Object> ENV =
      Map.of(
          "workflow",
          Map.of(
              "parameters",
              Map.of(
                  "config", CONFIG,
                  "simple", "{\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}",
                  "json", "[{\"value\": \"true\"}]",
                  "weather",
                      "{\"weekWeather\": \"eyJ0ZW1wcyI6IFszNCwgMjcsIDE1LCA1NywgNDZdfQo=\"}")),
          "inputs",
          Map.of("parameters", Map.of("foo", "3", "week-temps", "{\"avg\":35.8,\"max\":57}")));

  private static String eval(String source) {
    Object v = ExprLang.evaluate(source, ENV);
    return v instanceof String s ? s : GoJson.marshal(v);
  }

  /** Results are shown as Argo substitutes them (strings raw, others as JSON). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " ⇒ ",
      quoteCharacter = '`',
      textBlock =
          """
          jsonpath(workflow.parameters.config, '$.employees[?(@.name=="Baris")].age') ⇒ [43]
          jsonpath(workflow.parameters.config, '$.employees[?(@.age>42 && @.age<44)].age') ⇒ [43]
          jsonpath(workflow.parameters.config, '$.employees[0:1]') ⇒ [{"age":43,"name":"Baris"}]
          jsonpath(workflow.parameters.config, '$.employees[*].name') ⇒ ["Baris","Mo","Jai"]
          jsonpath(workflow.parameters.simple, '$.a') ⇒ 1
          jsonpath(workflow.parameters.simple, '$.c') ⇒ 3
          jsonpath(workflow.parameters.json, '$[0].value') == 'true' ⇒ true
          jsonpath(inputs.parameters['week-temps'], '$.avg') ⇒ 35.8
          jsonpath(inputs.parameters['week-temps'], '$.max') ⇒ 57
          jsonpath(workflow.parameters.config, '$.employees[-1].name') ⇒ Jai
          jsonpath(workflow.parameters.config, '$..name') ⇒ ["Baris","Mo","Jai"]
          jsonpath(workflow.parameters.config, '$.employees[0,2].age') ⇒ [43,44]
          jsonpath(workflow.parameters.config, "$['employees'][1]['name']") ⇒ Mo
          jsonpath(workflow.parameters.config, '$.employees[?(@.name=~/^B/)].name') ⇒ ["Baris"]
          jsonpath(workflow.parameters.config, '$.employees[?(!(@.age>42))].name') ⇒ ["Mo"]
          asInt(inputs.parameters.foo) * 10 ⇒ 30
          asFloat('2.5') * 2 ⇒ 5
          toJson(filter([1, 3], {# > 1})) ⇒ [3]
          toJson({b: 'x<y', a: 1.0}) ⇒ {"a":1,"b":"x\\u003cy"}
          string(1.5) ⇒ 1.5
          sprig.trim('  a ') ⇒ a
          sprig.upper('a') + sprig.lower('B') ⇒ Ab
          sprig.title('hello world') ⇒ Hello World
          sprig.replace('a', 'b', 'banana') ⇒ bbnbnb
          sprig.contains('an', 'banana') ⇒ true
          sprig.hasPrefix('ba', 'banana') ⇒ true
          sprig.hasSuffix('na', 'banana') ⇒ true
          sprig.split('-', 'a-b')._1 ⇒ b
          sprig.splitList('-', 'a-b') ⇒ ["a","b"]
          sprig.join('+', ['a', 'b']) ⇒ a+b
          sprig.default('d', '') ⇒ d
          sprig.default('d', 'v') ⇒ v
          sprig.empty('') ⇒ true
          sprig.coalesce('', nil, 'x') ⇒ x
          sprig.ternary('y', 'n', true) ⇒ y
          sprig.toString(42) ⇒ 42
          sprig.atoi('12') + 1 ⇒ 13
          sprig.int('7') ⇒ 7
          sprig.int64(7.9) ⇒ 7
          sprig.float64('1.5') ⇒ 1.5
          sprig.add(1, '2', 3.7) ⇒ 6
          sprig.sub(5, 2) ⇒ 3
          sprig.mul(2, 3, 4) ⇒ 24
          sprig.div(7, 2) ⇒ 3
          sprig.mod(7, 2) ⇒ 1
          sprig.max(1, 9, 3) ⇒ 9
          sprig.min(4, 2, 8) ⇒ 2
          sprig.round(3.14159, 2) ⇒ 3.14
          sprig.list(1, 'a') ⇒ [1,"a"]
          sprig.dict('a', 1).a ⇒ 1
          sprig.get(sprig.dict('a', 'x'), 'a') ⇒ x
          sprig.get(sprig.dict('a', 'x'), 'z') ⇒ ``
          sprig.hasKey(sprig.dict('a', 1), 'a') ⇒ true
          sprig.keys(sprig.dict('a', 1)) ⇒ ["a"]
          sprig.first([1, 2]) ⇒ 1
          sprig.last([1, 2]) ⇒ 2
          sprig.rest([1, 2, 3]) ⇒ [2,3]
          sprig.initial([1, 2, 3]) ⇒ [1,2]
          sprig.append([1], 2) ⇒ [1,2]
          sprig.uniq([1, 1, 2]) ⇒ [1,2]
          sprig.sortAlpha(['b', 'a']) ⇒ ["a","b"]
          sprig.reverse([1, 2]) ⇒ [2,1]
          sprig.cat('a', nil, 'b') ⇒ a b
          sprig.quote('a', 'b') ⇒ "a" "b"
          sprig.squote('a') ⇒ 'a'
          sprig.b64enc('hi') ⇒ aGk=
          sprig.b64dec('aGk=') ⇒ hi
          sprig.toJson({a: [1]}) ⇒ {"a":[1]}
          sprig.fromJson('{"a": 2}').a ⇒ 2
          sprig.repeat(3, 'ab') ⇒ ababab
          sprig.substr(1, 3, 'hello') ⇒ el
          sprig.trunc(3, 'hello') ⇒ hel
          sprig.regexMatch('^h.l', 'hello') ⇒ true
          sprig.regexFindAll('l', 'hello', -1) ⇒ ["l","l"]
          sprig.regexReplaceAll('l(o)', 'hello', '${1}0') ⇒ helo0
          sprig.seq(3) ⇒ 1 2 3
          sprig.until(3) ⇒ [0,1,2]
          """)
  void argoAndSprigFunctionsWork(String source, String expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @Test
  void reusingVerboseSnippetsExampleComputesTemperatureStatistics() {
    String source =
        """
        map([
            jsonpath(sprig.b64dec(jsonpath(workflow.parameters.weather, '$.weekWeather')), '$.temps')
          ], {
            toJson({
              avg: sprig.add(#[0], #[1], #[2], #[3], #[4]) / 5,
              min: sprig.min(#[0], #[1], #[2], #[3], #[4]),
              max: sprig.max(#[0], #[1], #[2], #[3], #[4])
            })
        })[0]
        """;
    assertThat(ExprLang.evaluate(source, ENV)).isEqualTo("{\"avg\":35.8,\"max\":57,\"min\":15}");
  }

  @Test
  void sprigIndentPadsEveryLine() {
    assertThat(eval("sprig.indent(2, 'a\\nb')")).isEqualTo("  a\n  b");
  }

  @Test
  void sprigNindentStartsWithNewline() {
    assertThat(eval("sprig.nindent(2, 'a')")).isEqualTo("\n  a");
  }

  @Test
  void sprigRegexReplaceAllExpandsGoTemplates() {
    assertThat(eval("sprig.regexReplaceAll('a(x*)b', '-ab-axxb-', '${1}W')")).isEqualTo("-W-xxW-");
  }

  @Test
  void sprigRegexReplaceAllTakesLongestGroupName() {
    assertThat(eval("sprig.regexReplaceAll('a(x*)b', '-ab-axxb-', '$1W')")).isEqualTo("---");
  }

  @Test
  void jsonpathMissingKeyIsAnError() {
    assertThatThrownBy(() -> eval("jsonpath(workflow.parameters.simple, '$.zzz')"))
        .isInstanceOf(ExprException.class)
        .hasMessageContaining("zzz");
  }

  @Test
  void jsonpathOfInvalidJsonIsAnError() {
    assertThatThrownBy(() -> eval("jsonpath('not json', '$.a')")).isInstanceOf(ExprException.class);
  }

  @Test
  void asIntRejectsDecimalStrings() {
    assertThatThrownBy(() -> eval("asInt('1.5')")).hasMessageContaining("int(1.5)");
  }

  @Test
  void jsonpathNumbersAreFloats() {
    assertThat(ExprLang.evaluate("jsonpath('{\"a\": 2}', '$.a')", Map.of())).isEqualTo(2.0);
  }

  @Test
  void sprigListIsAJavaList() {
    assertThat(ExprLang.evaluate("sprig.list(1, 2)", Map.of())).isEqualTo(List.of(1L, 2L));
  }

  @Test
  void sprigDateFormatsWithGoLayout() {
    assertThat(
            ExprLang.evaluate(
                "sprig.date('2006-01-02 15:04', t)",
                Map.of("t", java.time.Instant.parse("2024-03-05T07:08:09Z"))))
        .isEqualTo("2024-03-05 07:08");
  }

  @Test
  void sprigDateOfAStringFormatsTheCurrentTime() {
    String year = Integer.toString(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
    assertThat(ExprLang.evaluate("sprig.date('2006', '2020-01-01T00:00:00Z')", Map.of()))
        .isEqualTo(year);
  }
}
