package dev.weft.controller.cron;

/** The labels and annotations Argo's cron controller reads and writes. */
public final class CronLabels {
  /** On a Workflow: the name of the CronWorkflow that started it. */
  public static final String CRON_WORKFLOW = "workflows.argoproj.io/cron-workflow";

  /** On a Workflow: when its CronWorkflow meant it to start (RFC 3339). */
  public static final String SCHEDULED_TIME = "workflows.argoproj.io/scheduled-time";

  /** On a CronWorkflow: "true" once its stopStrategy held; it is no longer scheduled. */
  public static final String COMPLETED = "cronworkflows.argoproj.io/completed";

  /** On a CronWorkflow: the schedules (with time zone) of its last run. */
  public static final String LAST_USED_SCHEDULE = "cronworkflows.argoproj.io/last-used-schedule";

  /** On both: the controller instance, carried from the CronWorkflow to its workflows. */
  public static final String CONTROLLER_INSTANCE_ID = "workflows.argoproj.io/controller-instanceid";

  private CronLabels() {}
}
