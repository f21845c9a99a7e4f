package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerPathsTest {
  @Test
  void dotDotAboveTheRootStaysAtTheRoot() {
    assertThat(ContainerPaths.normalize("/../x")).isEqualTo("/x");
    assertThat(ContainerPaths.normalize("/../../x/../y")).isEqualTo("/y");
    assertThat(ContainerPaths.normalize("/..")).isEqualTo("/");
  }

  @Test
  void aNameThatStartsWithDotsIsAnOrdinaryName() {
    assertThat(ContainerPaths.normalize("/..data/x")).isEqualTo("/..data/x");
  }
}
