package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.executor.ImageProfiles;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Template;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostExecutablesTest {
  @TempDir Path shims;

  private static Template template(String yaml) throws Exception {
    return Codec.convert(Codec.yaml().readTree(yaml), Template.class);
  }

  @Test
  void aCommandNamingAProfilesShimReachesTheProgramTheShimRuns() throws Exception {
    HostExecutables hosts = new HostExecutables(new ImageProfiles(shims));

    hosts.add(
        template(
            "{name: t, script: {image: 'python:3.12', command: [python], source: 'print(1)'}}"));

    assertThat(hosts.profiles().at("/python:3.12/profile").asText()).isEqualTo("python");
    assertThat(hosts.profiles().at("/python:3.12/hostCommands").toString())
        .isEqualTo("[\"/bin/sh\",\"/usr/bin/python3\"]");
  }

  @Test
  void anImagesEntrypointShimCountsWhenTheContainerGivesNoCommand() throws Exception {
    HostExecutables hosts = new HostExecutables(new ImageProfiles(shims));

    hosts.add(template("{name: t, container: {image: 'argoproj/argosay:v2', args: [echo, hi]}}"));

    assertThat(hosts.profiles().at("/argoproj~1argosay:v2/hostCommands/0").asText())
        .isEqualTo("/usr/bin/python3");
  }

  @Test
  void aShimsInterpreterAndWhatItExecsAreWhatItHandsOverTo() {
    assertThat(HostExecutables.handedOver("#!/bin/sh\nexec /usr/bin/node \"$@\"\n"))
        .containsExactly("/bin/sh", "/usr/bin/node");
    assertThat(HostExecutables.handedOver("#!/usr/bin/env python3\nprint(1)\n"))
        .containsExactly("/usr/bin/env", "python3");
  }

  @Test
  void aCommandNamingAHostFileNoOneCouldRunIsNotHashed() throws Exception {
    // the step cannot run it, but the signer (the server's user) could read it: a file such as the
    // server token must not get a digest in a signed statement
    Path secret = java.nio.file.Files.writeString(shims.resolve("server-token"), "1234");
    HostExecutables hosts = new HostExecutables(new ImageProfiles(shims));

    hosts.add(template("{name: t, container: {image: alpine, command: ['" + secret + "']}}"));

    assertThat(hosts.dependencies()).isEmpty();
  }
}
