package dev.weft.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void podNamePrefixIsCutAt242CharactersAsArgosV2Names() {
    String wf = "w".repeat(200);
    String template = "t".repeat(100);

    String pod = Names.podName(wf, wf + ".step", template);

    String prefix = (wf + "-" + template).substring(0, 242);
    assertThat(pod).isEqualTo(prefix + "-" + Names.fnv32a(wf + ".step"));
  }

  @Test
  void aPrefixOfSixtyCharactersIsKeptWhole() {
    String wf = "my-workflow-with-a-rather-long-name";
    String template = "and-a-long-template-name";

    assertThat(Names.podName(wf, wf + ".a", template))
        .isEqualTo(wf + "-" + template + "-" + Names.fnv32a(wf + ".a"));
  }
}
