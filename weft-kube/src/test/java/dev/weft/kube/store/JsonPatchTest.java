package dev.weft.kube.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import org.junit.jupiter.api.Test;

class JsonPatchTest {
  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) Codec.json().readTree(text.replace('\'', '"'));
  }

  @Test
  void aChangedMemberIsReplacedAndAnUnchangedOneIsNotSent() throws Exception {
    var ops = JsonPatch.diff(json("{'a':1,'b':{'c':2,'d':3}}"), json("{'a':1,'b':{'c':5,'d':3}}"));
    assertThat(ops.toString()).isEqualTo("[{\"op\":\"replace\",\"path\":\"/b/c\",\"value\":5}]");
  }

  @Test
  void aRemovedMemberIsRemoved() throws Exception {
    var ops = JsonPatch.diff(json("{'a':1,'b':2}"), json("{'a':1}"));
    assertThat(ops.toString()).isEqualTo("[{\"op\":\"remove\",\"path\":\"/b\"}]");
  }

  @Test
  void anArrayIsReplacedWhole() throws Exception {
    var ops = JsonPatch.diff(json("{'a':[1,2]}"), json("{'a':[1,3]}"));
    assertThat(ops.toString()).isEqualTo("[{\"op\":\"replace\",\"path\":\"/a\",\"value\":[1,3]}]");
  }

  @Test
  void namesAreEscapedAsJsonPointers() throws Exception {
    var ops = JsonPatch.diff(json("{}"), json("{'a/b~c':1}"));
    assertThat(ops.get(0).path("path").asText()).isEqualTo("/a~1b~0c");
  }

  @Test
  void applyingTheOperationsToTheBaseGivesTheTarget() throws Exception {
    var base = json("{'a':1,'b':{'c':2,'d':{'e':3}},'f':[1],'x/y':0}");
    var target = json("{'b':{'c':2,'d':{'g':4}},'f':[2],'h':'x','x/y':1}");
    var patched = io.fabric8.zjsonpatch.JsonPatch.apply(JsonPatch.diff(base, target), base);
    assertThat(patched).isEqualTo(target);
  }

  @Test
  void fieldsOnlyTheServerHasAreUntouched() throws Exception {
    var stored = json("{'spec':{'x':1,'unmodelled':true},'status':{'phase':'Running'}}");
    var weftView = json("{'spec':{'x':1},'status':{'phase':'Running'}}");
    var wanted = json("{'spec':{'x':1},'status':{'phase':'Succeeded'}}");
    var result = io.fabric8.zjsonpatch.JsonPatch.apply(JsonPatch.diff(weftView, wanted), stored);
    assertThat(result.path("spec").path("unmodelled").asBoolean()).isTrue();
    assertThat(result.path("status").path("phase").asText()).isEqualTo("Succeeded");
  }
}
