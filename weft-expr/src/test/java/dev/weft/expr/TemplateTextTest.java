package dev.weft.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {
  private static final Map<String, String> VALUES =
      Map.of(
          "inputs.parameters.foo", "3",
          "inputs.parameters.should-print", "true",
          "steps.flip-coin.outputs.result", "heads",
          "workflow.parameters.json", "[{\"value\": \"true\"}]",
          "workflow.parameters.config", "{\"a\": \"1\", \"b\": \"2\"}",
          "workflow.name", "wf-1",
          "item", "3");

  @Test
  void simpleTagIsReplaced() {
    assertThat(TemplateText.render("{{steps.flip-coin.outputs.result}} == heads", VALUES, false))
        .isEqualTo("heads == heads");
  }

  @Test
  void whitespaceInsideSimpleTagIsIgnored() {
    assertThat(TemplateText.render("name={{ workflow.name }}", VALUES, false))
        .isEqualTo("name=wf-1");
  }

  @Test
  void unresolvedSimpleTagIsKeptWhenAllowed() {
    assertThat(TemplateText.render("x={{tasks.a.outputs.result}}", VALUES, true))
        .isEqualTo("x={{tasks.a.outputs.result}}");
  }

  @Test
  void unresolvedSimpleTagFailsWhenNotAllowed() {
    assertThatThrownBy(() -> TemplateText.render("x={{ tasks.a }}", VALUES, false))
        .isInstanceOf(ExprException.class)
        .hasMessage("failed to resolve {{ tasks.a }}");
  }

  @Test
  void expressionTagIsEvaluated() {
    assertThat(TemplateText.render("hello {{=asInt(inputs.parameters.foo) * 10}}", VALUES, false))
        .isEqualTo("hello 30");
  }

  @Test
  void conditionalsExpressionFormsEvaluateToTrue() {
    assertThat(
            TemplateText.render(
                "{{= inputs.parameters[\"should-print\"] == 'true'}}"
                    + " {{=jsonpath(workflow.parameters.json, '$[0].value') == 'true'}}",
                VALUES,
                false))
        .isEqualTo("true true");
  }

  @Test
  void destructuredJsonValueIsInsertedRaw() {
    assertThat(
            TemplateText.render("{{=jsonpath(workflow.parameters.config, '$.a')}}", VALUES, false))
        .isEqualTo("1");
  }

  @Test
  void withParamExpressionYieldsJsonList() {
    assertThat(TemplateText.render("{{=toJson(filter([1, 3], {# > 1}))}}", VALUES, false))
        .isEqualTo("[3]");
  }

  @Test
  void nonStringResultIsInsertedAsJson() {
    assertThat(TemplateText.render("{{=[1, 'a']}} {{=1.5}} {{=true}}", VALUES, false))
        .isEqualTo("[1,\"a\"] 1.5 true");
  }

  @Test
  void itemExpressionUsesItemValue() {
    assertThat(TemplateText.render("{{=item}}", VALUES, false)).isEqualTo("3");
  }

  @Test
  void expressionWithMissingVariableIsKeptWhenAllowed() {
    assertThat(TemplateText.render("{{=tasks.a.outputs.result}}", VALUES, true))
        .isEqualTo("{{=tasks.a.outputs.result}}");
  }

  @Test
  void expressionWithMissingVariableFailsWhenNotAllowed() {
    assertThatThrownBy(() -> TemplateText.render("{{=tasks.a.outputs.result}}", VALUES, false))
        .hasMessage("failed to evaluate expression: tasks is missing");
  }

  @Test
  void nilExpressionResultIsKeptWhenAllowed() {
    assertThat(TemplateText.render("{{=nil}}", VALUES, true)).isEqualTo("{{=nil}}");
  }

  @Test
  void nilExpressionResultFailsWhenNotAllowed() {
    assertThatThrownBy(() -> TemplateText.render("{{=nil}}", VALUES, false))
        .hasMessage("failed to evaluate expression \"nil\"");
  }

  @Test
  void expressionSyntaxErrorFailsEvenWhenUnresolvedAllowed() {
    assertThatThrownBy(() -> TemplateText.render("{{=1 +}}", VALUES, true))
        .isInstanceOf(ExprException.class)
        .hasMessageStartingWith("failed to evaluate expression:");
  }

  @Test
  void expressionRuntimeErrorIsKeptWhenAllowed() {
    assertThat(TemplateText.render("{{=asInt('x')}}", VALUES, true)).isEqualTo("{{=asInt('x')}}");
  }

  @Test
  void lateBoundItemIsLeftForLaterWhenAbsent() {
    assertThat(TemplateText.render("{{=item + 1}}", Map.of(), true)).isEqualTo("{{=item + 1}}");
  }

  @Test
  void guardedOptionalOutputFallsBack() {
    Map<String, String> values = new HashMap<>();
    values.put("tasks.producer.outputs.parameters.msg", null);
    assertThat(
            TemplateText.render(
                "{{=tasks.producer.outputs.parameters.msg ?? 'fallback'}}", values, false))
        .isEqualTo("fallback");
  }

  @Test
  void absentOptionalSimpleTagFailsEvenWhenAllowed() {
    Map<String, String> values = new HashMap<>();
    values.put("tasks.p.outputs.parameters.msg", null);
    assertThatThrownBy(
            () -> TemplateText.render("{{tasks.p.outputs.parameters.msg}}", values, true))
        .hasMessageContaining("absent optional");
  }

  @Test
  void nestedTagResolvesTheInnerTagFirst() {
    assertThat(TemplateText.render("{{inputs.parameters.{{item}}}}", Map.of("item", "foo"), true))
        .isEqualTo("{{inputs.parameters.foo}}");
  }

  @Test
  void textWithoutTagsIsUnchanged() {
    assertThat(TemplateText.render("a { b } c}}", VALUES, false)).isEqualTo("a { b } c}}");
  }

  @Test
  void unclosedTagIsAnError() {
    assertThatThrownBy(() -> TemplateText.render("a {{b", VALUES, true))
        .hasMessageContaining("Cannot find end tag");
  }

  @Test
  void tagsListsSimpleTagNames() {
    assertThat(TemplateText.tags("{{a.b}} {{= x }} {{ c }}")).containsExactly("a.b", "c");
  }

  @Test
  void expressionsListsExpressionSources() {
    assertThat(TemplateText.expressions("{{a}} {{= x + 1 }} {{=y}}"))
        .isEqualTo(List.of(" x + 1 ", "y"));
  }

  @Test
  void multiLineExpressionIsEvaluated() {
    assertThat(TemplateText.render("{{=\n  1 +\n  2\n}}", VALUES, false)).isEqualTo("3");
  }
}
