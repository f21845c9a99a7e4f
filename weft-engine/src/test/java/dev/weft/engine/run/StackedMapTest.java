package dev.weft.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StackedMapTest {

  /** Stacking layers reads as putting them into one map in order, whatever their sizes. */
  @Property(tries = 100)
  void layersReadAsOneMapPutInOrder(
      @ForAll @Size(max = 12) List<@Size(max = 20) Map<@IntRange(max = 30) Integer, Boolean>> raw) {
    StackedMap<String> stacked = StackedMap.empty();
    Map<String, String> expected = new HashMap<>();
    int layer = 0;
    for (Map<Integer, Boolean> r : raw) {
      Map<String, String> top = new HashMap<>();
      for (var e : r.entrySet()) top.put("k" + e.getKey(), e.getValue() ? "v" + layer : null);
      stacked = stacked.with(top);
      expected.putAll(top);
      layer++;
    }

    assertThat(new HashMap<>(stacked)).isEqualTo(expected);
    for (int k = 0; k <= 30; k++) {
      assertThat(stacked.containsKey("k" + k)).isEqualTo(expected.containsKey("k" + k));
      assertThat(stacked.get("k" + k)).isEqualTo(expected.get("k" + k));
    }
  }

  @Property(tries = 20)
  void anEarlierMapIsUnchangedByLaterLayers(@ForAll @IntRange(min = 1, max = 50) int n) {
    StackedMap<String> first = StackedMap.<String>empty().with(Map.of("a", "1"));
    StackedMap<String> later = first;
    for (int i = 0; i < n; i++) later = later.with(Map.of("a", "x" + i, "b" + i, "y"));

    assertThat(first).containsExactly(Map.entry("a", "1"));
    assertThat(later.get("a")).isEqualTo("x" + (n - 1));
  }
}
