package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.0, 1",
    "2.5, 2.5",
    "100000.0, 100000",
    "1000000.0, 1e+06",
    "123456789.0, 1.23456789e+08",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "-3.5, -3.5",
    "0.1, 0.1"
  })
  void floatsFormatLikeGoPercentV(double value, String expected) {
    assertThat(GoFormat.format(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.0, 1",
    "35.8, 35.8",
    "1000000.0, 1000000",
    "1e21, 1e+21",
    "0.000001, 0.000001",
    "0.0000001, 1e-7"
  })
  void floatsMarshalLikeGoJson(double value, String expected) {
    assertThat(GoJson.marshal(value)).isEqualTo(expected);
  }

  @Test
  void integersFormatWithoutDecimals() {
    assertThat(GoFormat.format(42L)).isEqualTo("42");
  }

  @Test
  void listsFormatSpaceSeparatedInBrackets() {
    assertThat(GoFormat.format(List.of("a", 1L, true))).isEqualTo("[a 1 true]");
  }

  @Test
  void mapsFormatWithSortedKeys() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 2L);
    m.put("a", "x");
    assertThat(GoFormat.format(m)).isEqualTo("map[a:x b:2]");
  }

  @Test
  void nilFormatsAsAngleNil() {
    assertThat(GoFormat.format(null)).isEqualTo("<nil>");
  }

  @Test
  void jsonSortsKeysAndEscapesHtml() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", "<&>");
    m.put("a", Arrays.asList(1L, null, 2.5));
    assertThat(GoJson.marshal(m)).isEqualTo("{\"a\":[1,null,2.5],\"z\":\"\\u003c\\u0026\\u003e\"}");
  }

  @Test
  void jsonParsesNumbersAsDoubles() {
    assertThat(GoJson.parse("{\"a\": [1, \"x\"]}")).isEqualTo(Map.of("a", List.of(1.0, "x")));
  }
}
