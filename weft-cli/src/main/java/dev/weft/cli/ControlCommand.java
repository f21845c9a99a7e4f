package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.Connection;
import dev.weft.cli.client.Json;
import dev.weft.cli.client.ResourceKind;
import dev.weft.cli.control.ControlRequests;
import dev.weft.cli.control.ControlSocket;
import dev.weft.controller.DataDir;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * suspend, resume, stop and terminate. A workflow run by `weft run` on this machine is reached
 * through its control socket (unless a server was named); any other goes to `weft server`.
 */
abstract class ControlCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "WORKFLOW", description = "Workflow names.")
  List<String> workflows;

  @Mixin Connection connection;

  final PrintStream out;
  final PrintStream err;

  ControlCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** The request to a local `weft run`. */
  abstract String socketRequest();

  /** The action's path segment on the server: {@code PUT .../{name}/<action>}. */
  abstract String action();

  /** The body of the server request, Argo's {@code {"name","namespace",...}}. */
  ObjectNode body(ApiClient api, String namespace, String name) {
    return Codec.json().createObjectNode().put("name", name).put("namespace", namespace);
  }

  /** What the server request did, in argo's words: {@code resumed}. */
  abstract String done();

  @Override
  public Integer call() {
    int exit = 0;
    for (String name : workflows) exit = Math.max(exit, control(name));
    return exit;
  }

  private int control(String name) {
    Path socket = ControlSocket.pathFor(DataDir.resolve(), name);
    if (!connection.serverChosen() && Files.exists(socket)) return local(socket);
    String ns = connection.namespace();
    try (ApiClient api = connection.open()) {
      api.put(ResourceKind.WORKFLOW.item(ns, name) + "/" + action(), body(api, ns, name));
      out.println("workflow " + name + " " + done());
      return 0;
    } catch (ClientException e) {
      if (e.reason() != ClientException.Reason.UNREACHABLE || connection.serverChosen()) throw e;
      // neither a local run nor the default server: say both, as either was meant
      err.println(
          "weft: no running workflow "
              + name
              + ": no `weft run` listens at "
              + socket
              + ", and "
              + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
  }

  private int local(Path socket) {
    try {
      String answer = ControlSocket.send(socket, socketRequest());
      (answer.startsWith("ok") ? out : err)
          .println(answer.startsWith("ok: ") ? answer.substring(4) : answer);
      return answer.startsWith("ok") ? 0 : Main.EXIT_BAD_INPUT;
    } catch (IOException e) {
      err.println("weft: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
  }

  @Command(
      name = "suspend",
      mixinStandardHelpOptions = true,
      description = "Suspend workflows: running steps finish, no new ones start until resumed.")
  static final class Suspend extends ControlCommand {
    Suspend(PrintStream out, PrintStream err) {
      super(out, err);
    }

    @Override
    String socketRequest() {
      return "suspend";
    }

    @Override
    String action() {
      return "suspend";
    }

    @Override
    String done() {
      return "suspended";
    }
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Resume suspended workflows, or their suspended nodes.")
  static final class Resume extends ControlCommand {
    @Option(
        names = "--node",
        description = "Only the suspended node with this name or display name.")
    String node;

    @Option(
        names = "--node-field-selector",
        paramLabel = "SELECTOR",
        description = "Only the suspended nodes matching, such as displayName=approve (server).")
    String nodeFieldSelector;

    @Option(
        names = {"-p", "--output-parameter"},
        paramLabel = "NAME=VALUE",
        description = "Supply an output parameter of the suspended node.")
    List<String> outputs = new ArrayList<>();

    Resume(PrintStream out, PrintStream err) {
      super(out, err);
    }

    @Override
    String socketRequest() {
      if (nodeFieldSelector != null) {
        throw ClientException.badInput(
            "--node-field-selector is for workflows on a weft server; for `weft run` use --node");
      }
      return ControlRequests.resume(node, outputParameters());
    }

    @Override
    String action() {
      return outputs.isEmpty() ? "resume" : "set";
    }

    @Override
    String done() {
      return "resumed";
    }

    /** With output parameters this is Argo's set (of the selected suspend nodes), not resume. */
    @Override
    ObjectNode body(ApiClient api, String namespace, String name) {
      if (node != null && nodeFieldSelector != null) {
        throw ClientException.badInput("give --node or --node-field-selector, not both");
      }
      String selector = node != null ? selectorFor(api, namespace, name) : nodeFieldSelector;
      ObjectNode body = super.body(api, namespace, name);
      if (selector != null) body.put("nodeFieldSelector", selector);
      if (!outputs.isEmpty()) {
        if (selector == null) {
          throw ClientException.badInput(
              "-p needs the node it is an output of: add --node or --node-field-selector");
        }
        body.put("outputParameters", Codec.toJson(outputParameters()));
        body.put("phase", "Succeeded");
      }
      return body;
    }

    /** {@code --node} as the server's selector: the waiting suspend node it names. */
    private String selectorFor(ApiClient api, String namespace, String name) {
      Workflow wf = Json.read(api.get(ResourceKind.WORKFLOW.item(namespace, name)), Workflow.class);
      if (wf.status() != null) {
        for (NodeStatus n : wf.status().nodesOrEmpty().values()) {
          boolean waiting = n.type() == NodeType.Suspend && !n.phase().fulfilled();
          if (waiting && (node.equals(n.name()) || node.equals(n.displayName()))) {
            return "id=" + n.id();
          }
        }
      }
      throw ClientException.badInput(
          "workflow " + name + " has no suspended node named \"" + node + "\"");
    }

    private Map<String, String> outputParameters() {
      Map<String, String> params = new LinkedHashMap<>();
      for (String kv : outputs) {
        int eq = kv.indexOf('=');
        if (eq <= 0) throw ClientException.badInput("-p " + kv + ": expected name=value");
        params.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      return params;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop workflows: running steps are stopped, exit handlers run.")
  static final class Stop extends ControlCommand {
    Stop(PrintStream out, PrintStream err) {
      super(out, err);
    }

    @Override
    String socketRequest() {
      return "stop";
    }

    @Override
    String action() {
      return "stop";
    }

    @Override
    String done() {
      return "stopped";
    }
  }

  @Command(
      name = "terminate",
      mixinStandardHelpOptions = true,
      description = "Terminate workflows: running steps are stopped, exit handlers do not run.")
  static final class Terminate extends ControlCommand {
    Terminate(PrintStream out, PrintStream err) {
      super(out, err);
    }

    @Override
    String socketRequest() {
      return "terminate";
    }

    @Override
    String action() {
      return "terminate";
    }

    @Override
    String done() {
      return "terminated";
    }
  }
}
