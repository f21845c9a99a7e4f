package dev.weft.controller.cron;

import dev.weft.model.Workflow;
import java.util.Optional;

/** The queue key of a CronWorkflow. */
public record CronKey(String namespace, String name) {

  /**
   * The CronWorkflow that started {@code wf}, by its {@code workflows.argoproj.io/cron-workflow}
   * label: a change to a child workflow should wake its CronWorkflow's controller.
   */
  public static Optional<CronKey> ownerOf(Workflow wf) {
    String cron = wf.metadata().labelsOrEmpty().get(CronLabels.CRON_WORKFLOW);
    return cron == null || cron.isEmpty()
        ? Optional.empty()
        : Optional.of(new CronKey(wf.metadata().namespaceOrDefault(), cron));
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
