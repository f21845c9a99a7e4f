package dev.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.runtime.FakeSource.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InformerTest {
  private final FakeSource source = new FakeSource();
  private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
  private final Informer<String, Item> informer =
      new Informer<>("items", source::list, source::watch, Item::name, Duration.ofMillis(1));

  private final EventHandler<Item> recorder =
      new EventHandler<>() {
        @Override
        public void onAdd(Item obj) {
          seen.add("add " + obj.name() + "=" + obj.value());
        }

        @Override
        public void onUpdate(Item oldObj, Item newObj) {
          seen.add("update " + newObj.name() + " " + oldObj.value() + "->" + newObj.value());
        }

        @Override
        public void onDelete(Item obj) {
          seen.add("delete " + obj.name());
        }
      };

  @AfterEach
  void close() {
    informer.close();
  }

  private void startSynced() throws InterruptedException {
    informer.addEventHandler(recorder);
    informer.start();
    assertThat(informer.waitForSync(Duration.ofSeconds(10))).isTrue();
    await(source::watching);
  }

  @Test
  void initialListFillsTheCacheAndMarksItSynced() throws Exception {
    source.put("a", 1);
    source.put("b", 2);
    assertThat(informer.hasSynced()).isFalse();

    startSynced();

    assertThat(informer.hasSynced()).isTrue();
    assertThat(informer.keys()).containsExactlyInAnyOrder("a", "b");
    assertThat(informer.lastSyncResourceVersion()).isEqualTo("2");
    assertThat(take(2)).containsExactlyInAnyOrder("add a=1", "add b=2");
    assertThat(source.watchStarts()).containsExactly("2");
  }

  @Test
  void watchEventsUpdateTheCacheAndReachHandlersInOrder() throws Exception {
    startSynced();

    source.put("a", 1);
    source.put("a", 2);
    source.put("b", 1);
    source.remove("a");

    assertThat(take(4)).containsExactly("add a=1", "update a 1->2", "add b=1", "delete a");
    assertThat(informer.get("a")).isEmpty();
    assertThat(informer.get("b")).contains(new Item("b", 1));
  }

  @Test
  void expiredWatchRelistsAndTurnsTheDifferenceIntoEvents() throws Exception {
    source.put("keep", 1);
    source.put("change", 1);
    source.put("drop", 1);
    startSynced();
    take(3);

    source.putSilently("change", 2);
    source.removeSilently("drop");
    source.putSilently("new", 1);
    source.expireWatch();

    assertThat(take(3)).containsExactlyInAnyOrder("update change 1->2", "delete drop", "add new=1");
    assertThat(informer.keys()).containsExactlyInAnyOrder("keep", "change", "new");
    assertThat(source.listCalls()).isEqualTo(2);
    assertThat(informer.lastSyncResourceVersion()).isEqualTo("6");
  }

  @Test
  void watchRefusedAsTooOldRelistsBeforeWatchingAgain() throws Exception {
    source.put("a", 1);
    source.expireNextWatch();

    startSynced();

    assertThat(source.listCalls()).isEqualTo(2);
    assertThat(source.watchStarts()).containsExactly("1", "1");
    source.put("b", 1);
    assertThat(take(2)).containsExactly("add a=1", "add b=1");
  }

  @Test
  void handlerAddedAfterStartIsToldOfCachedObjects() throws Exception {
    source.put("a", 1);
    informer.start();
    assertThat(informer.waitForSync(Duration.ofSeconds(10))).isTrue();

    informer.addEventHandler(recorder);

    assertThat(take(1)).containsExactly("add a=1");
  }

  @Test
  void failingHandlerDoesNotStopTheOthers() throws Exception {
    informer.addEventHandler(
        new EventHandler<>() {
          @Override
          public void onAdd(Item obj) {
            throw new IllegalStateException("boom");
          }
        });
    startSynced();

    source.put("a", 1);

    assertThat(take(1)).containsExactly("add a=1");
  }

  private List<String> take(int n) throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String e = seen.poll(10, TimeUnit.SECONDS);
      assertThat(e).as("event %d of %d", i + 1, n).isNotNull();
      out.add(e);
    }
    return out;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 10_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(1);
    }
    assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
  }
}
