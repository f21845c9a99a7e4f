package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

  @Test
  void dottedKeysBecomeNestedMaps() {
    Map<String, Object> env =
        Env.expand(Map.of("steps.flip-coin.outputs.result", "heads", "workflow.name", "wf"));
    assertThat(env)
        .isEqualTo(
            Map.of(
                "steps", Map.of("flip-coin", Map.of("outputs", Map.of("result", "heads"))),
                "workflow", Map.of("name", "wf")));
  }

  @Test
  void parentKeyIsDroppedInFavourOfChildren() {
    Map<String, Object> env = Env.expand(Map.of("a.b", "1", "a.c.d", "2", "a", "3", "ab", "4"));
    assertThat(env).isEqualTo(Map.of("a", Map.of("b", "1", "c", Map.of("d", "2")), "ab", "4"));
  }

  @Test
  void itemWithFieldsBecomesAMapOfTheFields() {
    Map<String, Object> env = Env.expand(Map.of("item", "{\"a\":\"x\"}", "item.a", "x"));
    assertThat(env).isEqualTo(Map.of("item", Map.of("a", "x")));
  }

  @Test
  void flatDottedKeysAreNotKept() {
    assertThat(Env.expand(Map.of("workflow.name", "wf"))).doesNotContainKey("workflow.name");
  }

  @Test
  void jsonValuesStayStrings() {
    assertThat(Env.expand(Map.of("workflow.parameters.json", "[1]")))
        .isEqualTo(Map.of("workflow", Map.of("parameters", Map.of("json", "[1]"))));
  }

  @Test
  void parentIsDroppedEvenWhenASiblingSortsBetween() {
    Map<String, Object> env = Env.expand(Map.of("a", "1", "a-b", "2", "a.c", "3"));
    assertThat(env).isEqualTo(Map.of("a", Map.of("c", "3"), "a-b", "2"));
  }

  @Test
  void nullValuesAreKeptAsNil() {
    Map<String, String> flat = new HashMap<>();
    flat.put("tasks.a.outputs.parameters.msg", null);
    Map<String, Object> env = Env.expand(flat);
    assertThat(ExprLang.evaluate("tasks.a.outputs.parameters.msg ?? 'fallback'", env))
        .isEqualTo("fallback");
  }

  @Test
  void hyphenatedParameterIsReachableWithBrackets() {
    Map<String, Object> env = Env.expand(Map.of("inputs.parameters.should-print", "true"));
    assertThat(ExprLang.evaluate("inputs.parameters['should-print'] == 'true'", env))
        .isEqualTo(true);
  }
}
