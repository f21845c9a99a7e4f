package dev.weft.controller.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.action.Action;
import dev.weft.model.ConfigMap;
import dev.weft.model.ObjectMeta;
import dev.weft.model.codec.Codec;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.util.HashMap;
import java.util.Map;

/** Memoization caches are ConfigMaps, one entry a key, as Argo keeps them. */
public final class MemoCache {
  private final Store store;

  public MemoCache(Store store) {
    this.store = store;
  }

  public void save(String namespace, Action.SaveMemo memo) {
    ObjectNode entry = Codec.json().createObjectNode();
    entry.put("nodeID", memo.nodeId());
    entry.set("outputs", Codec.tree(memo.outputs() == null ? Map.of() : memo.outputs()));
    entry.put("creationTimestamp", memo.at().toString());
    entry.put("lastHitTimestamp", memo.at().toString());
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        var existing = store.get(ConfigMap.class, namespace, memo.configMap());
        if (existing.isEmpty()) {
          ObjectMeta meta = ObjectMeta.named(memo.configMap()).withNamespace(namespace);
          store.create(
              new ConfigMap(
                  "v1", "ConfigMap", meta, Map.of(memo.key(), entry.toString()), null, null));
        } else {
          ConfigMap cm = existing.get();
          Map<String, String> data = new HashMap<>(cm.dataOrEmpty());
          data.put(memo.key(), entry.toString());
          store.update(
              new ConfigMap(
                  cm.apiVersion(),
                  cm.kind(),
                  cm.metadata(),
                  data,
                  cm.binaryData(),
                  cm.immutable()));
        }
        return;
      } catch (StoreException.Conflict | StoreException.AlreadyExists e) {
        // someone else wrote the cache meanwhile: read it again and retry
      }
    }
  }
}
