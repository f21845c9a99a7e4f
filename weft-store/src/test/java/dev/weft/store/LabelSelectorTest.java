package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

  /** Labels written as {@code k=v;k=v}. */
  private static Map<String, String> labels(String text) {
    Map<String, String> out = new HashMap<>();
    if (text != null && !text.isBlank()) {
      for (String pair : text.split(";")) {
        String[] kv = pair.split("=", 2);
        out.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return out;
  }

  @ParameterizedTest(name = "\"{0}\" on [{1}] is {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "             | NONE            | true",
        "a=b          | a=b             | true",
        "a=b          | a=c             | false",
        "a=b          | NONE            | false",
        "a==b         | a=b             | true",
        "a!=b         | a=c             | true",
        "a!=b         | NONE            | true",
        "a!=b         | a=b             | false",
        "e in (x,y)   | e=y             | true",
        "e in (x,y)   | e=z             | false",
        "e in (x,y)   | NONE            | false",
        "f notin (z)  | f=y             | true",
        "f notin (z)  | NONE            | true",
        "f notin (z)  | f=z             | false",
        "g            | g=anything      | true",
        "g            | NONE            | false",
        "!h           | NONE            | true",
        "!h           | h=1             | false",
        "a=b,!h       | a=b             | true",
        "a=b,!h       | a=b;h=1         | false",
        "a=           | a=              | true",
        "app.kubernetes.io/name=web | app.kubernetes.io/name=web | true",
        "a=b,c!=d,e in (x,y),f notin (z),g,!h | a=b;c=e;e=x;f=q;g= | true",
        "a=b,c!=d,e in (x,y),f notin (z),g,!h | a=b;c=d;e=x;f=q;g= | false",
        "  a = b ,  e in ( x , y )  | a=b;e=x | true",
      })
  void selectorMatchesLabelsAsKubernetesDoes(String selector, String given, boolean expected) {
    assertThat(LabelSelector.parse(selector == null ? "" : selector).matches(labels(given)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" fails at column {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a=b,,c            | 5  | expected a label key",
        "a b               | 3  | found \"b\"",
        "e in x            | 6  | expected '('",
        "e in ()           | 7  | must not be empty",
        "e in (x           | 8  | expected ')'",
        "e in (x;y)        | 8  | unexpected ';'",
        "-a=b              | 1  | invalid label key",
        "a=b-              | 3  | invalid label value",
        "a=b c             | 5  | expected ','",
        "!                 | 2  | expected a label key",
        "a>1               | 2  | found '>'",
      })
  void malformedSelectorReportsColumn(String selector, int column, String reason) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOfSatisfying(
            SelectorSyntaxException.class,
            e -> {
              assertThat(e.column()).isEqualTo(column);
              assertThat(e.reason()).contains(reason);
            })
        .hasMessageContaining("column " + column);
  }

  @Test
  void renderedSelectorParsesToTheSameSelector() {
    LabelSelector s = LabelSelector.parse("a=b,c!=d,e in (x,y),f notin (z),g,!h");

    assertThat(LabelSelector.parse(s.toString())).isEqualTo(s);
    assertThat(s.toString()).isEqualTo("a=b,c!=d,e in (x,y),f notin (z),g,!h");
  }

  @Test
  void matchingLabelsRequiresEveryLabel() {
    LabelSelector s = LabelSelector.matchingLabels(Map.of("a", "1", "b", "2"));

    assertThat(s.matches(Map.of("a", "1", "b", "2", "c", "3"))).isTrue();
    assertThat(s.matches(Map.of("a", "1"))).isFalse();
  }

  @Test
  void everythingMatchesNullLabels() {
    assertThat(LabelSelector.everything().matches(null)).isTrue();
  }
}
