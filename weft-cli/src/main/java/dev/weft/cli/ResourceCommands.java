package dev.weft.cli;

import dev.weft.cli.client.ResourceKind;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * `weft template`, `weft cluster-template`, `weft cron` and `weft event-binding`: the same create,
 * list, get, delete and lint over each kind the server stores, plus suspend and resume for cron
 * workflows. An event binding's lint is local (`weft lint`'s, with --strict): a bad selector is
 * only a warning to the server, which stores such a binding as Argo does.
 */
final class ResourceCommands {
  private ResourceCommands() {}

  static void register(CommandLine cli, PrintStream out, PrintStream err) {
    cli.addSubcommand(
        "template",
        group(ResourceKind.WORKFLOW_TEMPLATE, "template", "WorkflowTemplates", out, err));
    cli.addSubcommand(
        "cluster-template",
        group(
            ResourceKind.CLUSTER_WORKFLOW_TEMPLATE,
            "cluster-template",
            "ClusterWorkflowTemplates",
            out,
            err),
        "cwftmpl");
    CommandLine cron = group(ResourceKind.CRON_WORKFLOW, "cron", "CronWorkflows", out, err);
    add(cron, "suspend", new CronSuspendCommand(true, out, err), "Suspend CronWorkflows.");
    add(cron, "resume", new CronSuspendCommand(false, out, err), "Resume CronWorkflows.");
    cli.addSubcommand("cron", cron);
    CommandLine bindings = new CommandLine(new Group());
    bindings
        .getCommandSpec()
        .usageMessage()
        .description("Manage WorkflowEventBindings on the weft server.");
    addCrud(
        bindings,
        ResourceKind.WORKFLOW_EVENT_BINDING,
        "event-binding",
        "WorkflowEventBindings",
        out,
        err);
    add(
        bindings,
        "lint",
        new LintCommand(out),
        "Check WorkflowEventBindings in files: selectors and parameters against an event's names"
            + " (--strict: every finding is an error).");
    cli.addSubcommand("event-binding", bindings, "wfeb");
  }

  private static CommandLine group(
      ResourceKind kind, String name, String plural, PrintStream out, PrintStream err) {
    CommandLine group = new CommandLine(new Group());
    group.getCommandSpec().usageMessage().description("Manage " + plural + " on the weft server.");
    addCrud(group, kind, name, plural, out, err);
    add(
        group,
        "lint",
        new ResourceLintCommand(kind, name, out, err),
        "Check " + plural + " in files with the server, which resolves its stored templates.");
    return group;
  }

  private static void addCrud(
      CommandLine group,
      ResourceKind kind,
      String name,
      String plural,
      PrintStream out,
      PrintStream err) {
    add(
        group,
        "create",
        new ResourceCreateCommand(kind, name, out, err),
        "Create " + plural + " from files.");
    add(group, "list", new ResourceListCommand(kind, out, err), "List " + plural + ".");
    add(group, "get", new ResourceGetCommand(kind, out, err), "Show " + plural + ".");
    add(group, "delete", new ResourceDeleteCommand(kind, out, err), "Delete " + plural + ".");
  }

  static void add(CommandLine group, String name, Object command, String description) {
    CommandLine sub = new CommandLine(command);
    sub.getCommandSpec().usageMessage().description(description);
    group.addSubcommand(name, sub);
  }

  /** The group itself only says that a subcommand is needed (exit 2, with its usage). */
  @Command(mixinStandardHelpOptions = true)
  static final class Group implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
  }
}
