package dev.weft.controller.cron;

import dev.weft.model.Workflow;

/** What came of creating a CronWorkflow's run. */
sealed interface Submission {

  /** The workflow was created. */
  record Started(Workflow workflow) implements Submission {}

  /**
   * A workflow of that name, owned by this CronWorkflow, exists already: this scheduled time was
   * started before (say, by a controller that stopped before recording it).
   */
  record AlreadyStarted(Workflow workflow) implements Submission {}

  /** The workflow could not be created. */
  record Failed(String message) implements Submission {}
}
