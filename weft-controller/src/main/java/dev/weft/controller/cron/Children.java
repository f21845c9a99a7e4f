package dev.weft.controller.cron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.store.LabelSelector;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store operations on a CronWorkflow's workflows: list, create, terminate, prune. */
final class Children {
  private static final int DEFAULT_SUCCESSFUL_LIMIT = 3;
  private static final int DEFAULT_FAILED_LIMIT = 1;
  private static final int CONFLICT_RETRIES = 5;

  private final Store store;

  Children(Store store) {
    this.store = store;
  }

  /** The workflows labelled with the CronWorkflow's name and controlled by it (by uid). */
  List<Workflow> of(CronWorkflow cron) {
    LabelSelector selector =
        LabelSelector.matchingLabels(Map.of(CronLabels.CRON_WORKFLOW, cron.metadata().name()));
    return store.list(Workflow.class, cron.metadata().namespaceOrDefault(), selector).stream()
        .filter(wf -> ChildWorkflows.ownedBy(wf, cron.metadata().uid()))
        .toList();
  }

  /** Creates {@code wf}; an existing workflow of that name owned by {@code uid} was started. */
  Submission submit(Workflow wf, String uid) {
    try {
      return new Submission.Started(store.create(wf));
    } catch (StoreException.AlreadyExists e) {
      Optional<Workflow> existing =
          store.get(Workflow.class, wf.metadata().namespace(), wf.metadata().name());
      if (existing.isPresent() && ChildWorkflows.ownedBy(existing.get(), uid)) {
        return new Submission.AlreadyStarted(existing.get());
      }
      return new Submission.Failed(e.getMessage());
    } catch (StoreException e) {
      return new Submission.Failed(e.getMessage());
    }
  }

  /**
   * Argo's terminateOutstandingWorkflows: sets {@code spec.shutdown: Terminate} on each active
   * workflow; gone, finished or already shut-down ones are skipped.
   */
  void terminate(List<ActiveRef> active) {
    for (ActiveRef ref : active) {
      for (int attempt = 0; ; attempt++) {
        Optional<Workflow> found = store.get(Workflow.class, ref.namespace(), ref.name());
        if (found.isEmpty() || ChildWorkflows.completed(found.get())) {
          break;
        }
        Workflow wf = found.get();
        if (wf.spec() != null && wf.spec().shutdown() != null && !wf.spec().shutdown().isEmpty()) {
          break;
        }
        ObjectNode tree = (ObjectNode) Codec.tree(wf);
        tree.withObjectProperty("spec").put("shutdown", "Terminate");
        try {
          store.update(Codec.convert(tree, Workflow.class));
          break;
        } catch (StoreException.NotFound e) {
          break;
        } catch (StoreException.Conflict e) {
          if (attempt + 1 >= CONFLICT_RETRIES) {
            throw new IllegalStateException("error stopping workflow " + ref.name() + ": " + e);
          }
        }
      }
    }
  }

  /**
   * Argo's enforceHistoryLimit: keeps the newest (by finishedAt) successfulJobsHistoryLimit
   * (default 3) succeeded and failedJobsHistoryLimit (default 1) failed or errored workflows and
   * deletes the others. Returns the names deleted.
   */
  List<String> enforceHistory(CronWorkflow cron, List<Workflow> children) {
    List<Workflow> succeeded = new ArrayList<>();
    List<Workflow> failed = new ArrayList<>();
    for (Workflow wf : children) {
      if (ChildWorkflows.completed(wf)) {
        (ChildWorkflows.succeeded(wf) ? succeeded : failed).add(wf);
      }
    }
    List<String> deleted = new ArrayList<>();
    deleteOldest(
        succeeded,
        limit(cron.spec().successfulJobsHistoryLimit(), DEFAULT_SUCCESSFUL_LIMIT),
        deleted);
    deleteOldest(
        failed, limit(cron.spec().failedJobsHistoryLimit(), DEFAULT_FAILED_LIMIT), deleted);
    return deleted;
  }

  private static int limit(Integer configured, int fallback) {
    return configured != null && configured >= 0 ? configured : fallback;
  }

  private void deleteOldest(List<Workflow> done, int keep, List<String> deleted) {
    if (keep >= done.size()) {
      return;
    }
    List<Workflow> newestFirst = new ArrayList<>(done);
    newestFirst.sort(Comparator.comparing(Children::finishedAt).reversed());
    for (Workflow wf : newestFirst.subList(keep, newestFirst.size())) {
      try {
        store.delete(Workflow.class, wf.metadata().namespace(), wf.metadata().name());
        deleted.add(wf.metadata().name());
      } catch (StoreException.NotFound e) {
        // deleted already
      }
    }
  }

  private static Instant finishedAt(Workflow wf) {
    Instant t = wf.status() == null ? null : wf.status().finishedAt();
    return t == null ? Instant.MIN : t;
  }
}
