package dev.weft.controller.pod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {
  @ParameterizedTest
  @CsvSource({
    "128Mi,134217728",
    "1Gi,1073741824",
    "500M,500000000",
    "64Ki,65536",
    "1000,1000",
    "1.5Gi,1610612736"
  })
  void memoryQuantitiesAreBytes(String quantity, long bytes) {
    assertThat(Quantities.bytes(quantity)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"500m,500", "1,1000", "0.25,250", "2,2000"})
  void cpuQuantitiesAreMillicores(String quantity, long millis) {
    assertThat(Quantities.millis(quantity)).isEqualTo(millis);
  }

  @ParameterizedTest
  @CsvSource({"493,rwxr-xr-x", "420,rw-r--r--", "384,rw-------"})
  void artifactModesAreUnixPermissions(int mode, String text) {
    assertThat(Quantities.mode(mode)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(
      value = {"'hello\n'|hello", "'a\nb\n\n'|'a\nb\n'", "x|x"},
      delimiter = '|')
  void resultDropsOneTrailingNewline(String stdout, String result) {
    assertThat(OutputCollector.result(stdout)).isEqualTo(result);
  }
}
