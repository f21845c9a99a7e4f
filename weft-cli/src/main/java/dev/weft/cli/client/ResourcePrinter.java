package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.weft.cli.view.Table;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Resource;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.cron.CronSchedule;
import dev.weft.model.spec.CronWorkflowSpec;
import dev.weft.model.spec.Parameter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** WorkflowTemplates, ClusterWorkflowTemplates and CronWorkflows as argo's get and list print. */
public final class ResourcePrinter {
  private ResourcePrinter() {}

  public static List<String> describe(Resource r, Instant now) {
    List<String> out = new ArrayList<>();
    String fmt = r instanceof CronWorkflow ? "%-30s %s" : "%-20s %s";
    field(out, fmt, "Name:", r.metadata().name());
    if (r.metadata().namespace() != null) field(out, fmt, "Namespace:", r.metadata().namespace());
    Instant created = Humanize.parse(r.metadata().creationTimestamp());
    if (created != null) field(out, fmt, "Created:", Humanize.timestamp(created, now));
    if (r instanceof CronWorkflow cron && cron.spec() != null) describeCron(out, fmt, cron, now);
    if (r instanceof WorkflowEventBinding b) BindingPrinter.describe(out, fmt, b);
    return out;
  }

  private static void describeCron(List<String> out, String fmt, CronWorkflow cron, Instant now) {
    CronWorkflowSpec spec = cron.spec();
    JsonNode status = cron.status() == null ? MissingNode.getInstance() : cron.status();
    field(out, fmt, "Schedule:", String.join(",", schedules(spec)));
    field(out, fmt, "Suspended:", String.valueOf(Boolean.TRUE.equals(spec.suspend())));
    if (spec.timezone() != null) field(out, fmt, "Timezone:", spec.timezone());
    if (spec.startingDeadlineSeconds() != null) {
      field(out, fmt, "StartingDeadlineSeconds:", String.valueOf(spec.startingDeadlineSeconds()));
    }
    if (spec.concurrencyPolicy() != null) {
      field(out, fmt, "ConcurrencyPolicy:", spec.concurrencyPolicy());
    }
    Instant last = Humanize.parse(status.path("lastScheduledTime").asText(null));
    if (last != null) field(out, fmt, "LastScheduledTime:", Humanize.timestamp(last, now));
    next(spec, now)
        .ifPresent(t -> field(out, fmt, "NextScheduledTime:", Humanize.timestamp(t, now)));
    List<String> active = new ArrayList<>();
    for (JsonNode a : status.path("active")) active.add(a.path("name").asText());
    if (!active.isEmpty()) field(out, fmt, "Active Workflows:", String.join(", ", active));
    if (spec.workflowSpec() != null) {
      List<Parameter> params = spec.workflowSpec().argumentsOrEmpty().parametersOrEmpty();
      if (!params.isEmpty()) field(out, fmt, "Workflow Parameters:", "");
      for (Parameter p : params) {
        if (p.value() != null) field(out, fmt, "  " + p.name() + ":", p.value());
      }
    }
  }

  /** argo template list: names (and namespaces with -A). */
  public static Table templates(List<? extends Resource> items, boolean namespaces) {
    Table t = namespaces ? new Table(3, "NAMESPACE", "NAME") : new Table(3, "NAME");
    for (Resource r : items) {
      if (namespaces) t.row(r.metadata().namespaceOrDefault(), r.metadata().name());
      else t.row(r.metadata().name());
    }
    return t;
  }

  /** argo cron list: name, age, last and next run, schedule, timezone, suspended. */
  public static Table crons(List<CronWorkflow> items, boolean namespaces, Instant now) {
    List<String> header = new ArrayList<>();
    if (namespaces) header.add("NAMESPACE");
    header.addAll(
        List.of("NAME", "AGE", "LAST RUN", "NEXT RUN", "SCHEDULE", "TIMEZONE", "SUSPENDED"));
    Table t = new Table(3, header);
    for (CronWorkflow c : items) {
      CronWorkflowSpec spec = c.spec();
      Instant created = Humanize.parse(c.metadata().creationTimestamp());
      Instant last =
          c.status() == null
              ? null
              : Humanize.parse(c.status().path("lastScheduledTime").asText(null));
      List<String> row = new ArrayList<>();
      if (namespaces) row.add(c.metadata().namespaceOrDefault());
      row.add(c.metadata().name());
      row.add(created == null ? "" : Humanize.shortDuration(Duration.between(created, now)));
      row.add(last == null ? "N/A" : Humanize.shortDuration(Duration.between(last, now)));
      row.add(
          spec == null
              ? "N/A"
              : next(spec, now)
                  .map(n -> Humanize.shortDuration(Duration.between(now, n)))
                  .orElse("N/A"));
      row.add(spec == null ? "" : String.join(",", schedules(spec)));
      row.add(spec == null || spec.timezone() == null ? "" : spec.timezone());
      row.add(String.valueOf(spec != null && Boolean.TRUE.equals(spec.suspend())));
      t.row(row);
    }
    return t;
  }

  private static List<String> schedules(CronWorkflowSpec spec) {
    if (spec.schedules() != null && !spec.schedules().isEmpty()) return spec.schedules();
    return spec.schedule() == null ? List.of() : List.of(spec.schedule());
  }

  /** The soonest next run of any schedule, in the spec's timezone (else this machine's). */
  static Optional<Instant> next(CronWorkflowSpec spec, Instant now) {
    ZoneId zone;
    try {
      zone =
          spec.timezone() == null || spec.timezone().isEmpty()
              ? ZoneId.systemDefault()
              : ZoneId.of(spec.timezone());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    Optional<Instant> soonest = Optional.empty();
    for (String s : schedules(spec)) {
      try {
        Optional<Instant> n = CronSchedule.parse(s).next(now, zone);
        if (n.isPresent() && (soonest.isEmpty() || n.get().isBefore(soonest.get()))) soonest = n;
      } catch (RuntimeException unparsable) {
        // the server lints schedules; a bad one simply has no next run here
      }
    }
    return soonest;
  }

  private static void field(List<String> out, String fmt, String label, String value) {
    out.add(String.format(fmt, label, value == null ? "" : value).stripTrailing());
  }
}
