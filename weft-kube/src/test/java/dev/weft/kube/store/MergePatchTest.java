package dev.weft.kube.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import org.junit.jupiter.api.Test;

class MergePatchTest {
  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) Codec.json().readTree(text.replace('\'', '"'));
  }

  @Test
  void aChangedMemberIsSentAndAnUnchangedOneIsNot() throws Exception {
    var patch =
        MergePatch.diff(json("{'a':1,'b':{'c':2,'d':3}}"), json("{'a':1,'b':{'c':5,'d':3}}"));
    assertThat(patch).isEqualTo(json("{'b':{'c':5}}"));
  }

  @Test
  void aRemovedMemberIsSentAsNull() throws Exception {
    var patch = MergePatch.diff(json("{'a':1,'b':2}"), json("{'a':1}"));
    assertThat(patch).isEqualTo(json("{'b':null}"));
  }

  @Test
  void anArrayIsReplacedWhole() throws Exception {
    var patch = MergePatch.diff(json("{'a':[1,2]}"), json("{'a':[1,3]}"));
    assertThat(patch).isEqualTo(json("{'a':[1,3]}"));
  }

  @Test
  void applyingTheDiffToTheBaseGivesTheTarget() throws Exception {
    var base = json("{'a':1,'b':{'c':2,'d':{'e':3}},'f':[1]}");
    var target = json("{'b':{'c':2,'d':{'g':4}},'f':[2],'h':'x'}");
    assertThat(MergePatch.apply(base, MergePatch.diff(base, target))).isEqualTo(target);
  }

  @Test
  void fieldsOnlyTheServerHasAreUntouched() throws Exception {
    var stored = json("{'spec':{'x':1,'unmodelled':true},'status':{'phase':'Running'}}");
    var weftView = json("{'spec':{'x':1},'status':{'phase':'Running'}}");
    var wanted = json("{'spec':{'x':1},'status':{'phase':'Succeeded'}}");
    var result = MergePatch.apply(stored, MergePatch.diff(weftView, wanted));
    assertThat(result.path("spec").path("unmodelled").asBoolean()).isTrue();
    assertThat(result.path("status").path("phase").asText()).isEqualTo("Succeeded");
  }
}
