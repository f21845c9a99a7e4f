package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ResourceVersionPropertyTest {

  /**
   * Each op: 0 create, 1 update, 2 delete (a repeated delete of an object held by a finalizer
   * changes nothing), 3 create with a finalizer; on the name numbered op/4.
   */
  @Property(tries = 100)
  void resourceVersionsHandedOutAreStrictlyIncreasing(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 15) Integer> ops) {
    InMemoryStore store = Fixtures.store(8);
    List<Long> versions = new ArrayList<>();
    for (int op : ops) {
      String name = "c" + (op / 4);
      try {
        switch (op % 4) {
          case 0 -> versions.add(version(store.create(Fixtures.configMap("ns", name, Map.of()))));
          case 1 ->
              store
                  .get(ConfigMap.class, "ns", name)
                  .ifPresent(c -> versions.add(version(store.update(c))));
          case 2 -> {
            String before = store.currentResourceVersion();
            store.delete(ConfigMap.class, "ns", name);
            String after = store.currentResourceVersion();
            if (!after.equals(before)) {
              versions.add(Long.parseLong(after));
            }
          }
          default ->
              versions.add(
                  version(
                      store.create(
                          Fixtures.withFinalizers(Fixtures.configMap("ns", name, Map.of()), "f"))));
        }
      } catch (StoreException.AlreadyExists | StoreException.NotFound expected) {
        // the op did not apply; no version was handed out
      }
    }

    for (int i = 1; i < versions.size(); i++) {
      assertThat(versions.get(i)).isGreaterThan(versions.get(i - 1));
    }
  }

  private static long version(ConfigMap c) {
    return Long.parseLong(c.metadata().resourceVersion());
  }
}
