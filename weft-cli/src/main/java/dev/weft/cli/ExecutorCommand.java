package dev.weft.cli;

import dev.weft.kube.exec.ExecutorMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "executor",
    description = {
      "Runs in a step pod's executor containers (Kubernetes mode): `init-artifacts` fetches the"
          + " input artifacts, `wait` reports main's outputs in a WorkflowTaskResult."
    },
    mixinStandardHelpOptions = true,
    hidden = true)
final class ExecutorCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "wait or init-artifacts")
  String what;

  @Override
  public Integer call() {
    return ExecutorMain.run(new String[] {what}, System.getenv());
  }
}
