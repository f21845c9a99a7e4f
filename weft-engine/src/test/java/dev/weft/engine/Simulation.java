package dev.weft.engine;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.model.ConfigMap;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.ResourceDecoder;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Drives the pure engine like a controller would: reconcile, start the pods it asks for, feed back
 * their results on a fake clock, and jump the clock to the engine's wake-up time when idle.
 *
 * <p>Pod behaviour is looked up by node name, then display name, then template name; a key given
 * several behaviours uses them in turn (the last one repeats). Unknown pods succeed after 1s.
 */
public final class Simulation {
  public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final String HEADER =
      "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\n";

  private Engine engine = new Engine();
  private Workflow wf;
  private Library library = Library.EMPTY;
  private Instant now = T0;
  private int maxIterations = 500;
  private boolean edited;
  private final Map<String, List<Pod>> behaviours = new HashMap<>();
  private final Map<String, Integer> uses = new HashMap<>();
  private final List<PodRun> runs = new ArrayList<>();
  private final List<Action> actions = new ArrayList<>();
  private final List<Scheduled> scheduled = new ArrayList<>();
  private final List<Event> queued = new ArrayList<>();
  private final List<Reconciliation> history = new ArrayList<>();
  private boolean checkMemo;
  private EngineMemo memo = EngineMemo.NONE;
  private WorkflowStatus memoFor;
  private int memoUses;

  /** One pod the engine asked for, and what became of it. */
  public static final class PodRun {
    public final Action.RunPod action;
    public final Instant startedAt;
    Instant endedAt;
    boolean killed;

    PodRun(Action.RunPod action, Instant startedAt) {
      this.action = action;
      this.startedAt = startedAt;
    }

    public String nodeName() {
      return action.nodeName();
    }

    public Template template() {
      return action.template();
    }

    /** When it finished or was killed; null while it runs. */
    public Instant endedAt() {
      return endedAt;
    }

    public boolean killed() {
      return killed;
    }

    boolean activeAt(Instant t) {
      return !startedAt.isAfter(t) && (endedAt == null || endedAt.isAfter(t));
    }
  }

  private record Scheduled(Instant at, Event event, PodRun run) {}

  private Simulation(Workflow wf) {
    this.wf = wf;
  }

  /** A workflow from YAML; without an apiVersion line, a Workflow header named "wf" is added. */
  public static Simulation of(String yaml) {
    String text = yaml.stripLeading().startsWith("apiVersion") ? yaml : HEADER + yaml;
    return new Simulation(decode(text, Workflow.class));
  }

  public static <T extends Resource> T decode(String yaml, Class<T> type) {
    Decoded d = ResourceDecoder.decode(yaml, "test.yaml");
    if (d.hasErrors() || d.resources().isEmpty()) {
      fail("cannot decode test YAML: " + d.diagnostics());
    }
    return type.cast(d.resources().get(0).value());
  }

  public static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMap("v1", "ConfigMap", ObjectMeta.named(name), data, null, null);
  }

  public Simulation library(Library lib) {
    this.library = lib;
    return this;
  }

  public Simulation pod(String key, Pod... sequence) {
    behaviours.put(key, List.of(sequence));
    return this;
  }

  /** Runs the workflow under these limits instead of the defaults. */
  public Simulation limits(Limits limits) {
    this.engine = new Engine(limits);
    return this;
  }

  public Simulation maxIterations(int n) {
    this.maxIterations = n;
    return this;
  }

  /** Queues a Resume event (null node name: every suspended node) for the next reconcile. */
  public Simulation resume(String nodeName, Map<String, String> outputParameters) {
    queued.add(new Event.Resume(nodeName, outputParameters));
    return this;
  }

  /** Queues Argo's `node set`: a phase (null: none) and message for matching suspended nodes. */
  public Simulation set(
      String nodeName,
      dev.weft.model.status.NodePhase phase,
      String message,
      Map<String, String> outputParameters) {
    queued.add(new Event.Resume(nodeName, outputParameters, phase, message));
    return this;
  }

  /** Sets spec.shutdown (Stop or Terminate), as `argo stop` / `argo terminate` do. */
  public Simulation shutdown(String strategy) {
    return spec("shutdown", strategy);
  }

  /** Changes one field of the workflow's spec (null removes it), as a user's edit would. */
  public Simulation spec(String field, Object value) {
    ObjectNode spec = (ObjectNode) Codec.tree(wf.spec());
    if (value == null) spec.remove(field);
    else spec.set(field, Codec.tree(value));
    wf = wf.withSpec(Codec.convert(spec, WorkflowSpec.class));
    edited = true;
    return this;
  }

  /** Replaces the workflow, as an outside edit (a retry, a resubmit) does, and reconciles it. */
  public Simulation replace(java.util.function.UnaryOperator<Workflow> edit) {
    wf = edit.apply(wf);
    step();
    return this;
  }

  /**
   * Reconciles every step twice, without a memo and with the memo of the previous reconcile (passed
   * only when the status is exactly the one it came with, as the controller does), and fails unless
   * both give the same status and actions and unchanged nodes keep their instances.
   */
  public Simulation checkingMemo() {
    this.checkMemo = true;
    return this;
  }

  /** How many reconciles started from a memo (with {@link #checkingMemo()}). */
  public int memoUses() {
    return memoUses;
  }

  private Reconciliation reconcileCheckingMemo(List<Event> events, Reconciliation oracle) {
    EngineMemo given = wf.status() != null && wf.status() == memoFor ? memo : EngineMemo.NONE;
    if (given != EngineMemo.NONE) memoUses++;
    Reconciliation r = engine.reconcile(wf, library, events, now, given);
    String at = "reconcile " + history.size() + " at " + now;
    org.assertj.core.api.Assertions.assertThat(r.status()).as(at).isEqualTo(oracle.status());
    org.assertj.core.api.Assertions.assertThat(r.status().nodesOrEmpty().keySet())
        .as(at)
        .containsExactlyElementsOf(oracle.status().nodesOrEmpty().keySet());
    org.assertj.core.api.Assertions.assertThat(r.actions()).as(at).isEqualTo(oracle.actions());
    org.assertj.core.api.Assertions.assertThat(r.wakeAt()).as(at).isEqualTo(oracle.wakeAt());
    var before = wf.status() == null ? Map.<String, NodeStatus>of() : wf.status().nodesOrEmpty();
    r.status()
        .nodesOrEmpty()
        .forEach(
            (id, n) -> {
              NodeStatus old = before.get(id);
              if (n.equals(old)) {
                org.assertj.core.api.Assertions.assertThat(n).as(at + " " + id).isSameAs(old);
              }
            });
    memo = r.memo();
    memoFor = r.status();
    return r;
  }

  /** Runs until the workflow completes or nothing more can happen without outside help. */
  public Simulation run() {
    return runUntil(s -> false);
  }

  /** Like {@link #run()}, also stopping as soon as the condition holds after a reconcile. */
  public Simulation runUntil(Predicate<Simulation> condition) {
    if (history.isEmpty()) {
      step();
      if (condition.test(this)) return this;
    }
    for (int i = 0; i < maxIterations; i++) {
      if (completed()) return this;
      if (!hasDueEvents()) {
        Instant next = nextTime();
        if (next == null) return this;
        if (next.isAfter(now)) now = next;
      }
      step();
      if (condition.test(this)) return this;
    }
    fail("workflow did not settle after " + maxIterations + " reconciles; nodes: " + nodeNames());
    return this;
  }

  /** One reconcile at the current time with every event due by then. */
  public Reconciliation step() {
    List<Event> events = new ArrayList<>(queued);
    queued.clear();
    edited = false;
    for (var it = scheduled.iterator(); it.hasNext(); ) {
      Scheduled s = it.next();
      if (!s.at().isAfter(now)) {
        events.add(s.event());
        if (s.event() instanceof Event.PodFinished) s.run().endedAt = s.at();
        it.remove();
      }
    }
    Reconciliation r = engine.reconcile(wf, library, events, now);
    if (checkMemo) r = reconcileCheckingMemo(events, r);
    history.add(r);
    wf = wf.withStatus(r.status());
    for (Action a : r.actions()) {
      actions.add(a);
      switch (a) {
        case Action.RunPod run -> launch(run);
        case Action.KillPod kill -> kill(kill.nodeId());
        case Action.SaveMemo memo -> {}
      }
    }
    return r;
  }

  private void launch(Action.RunPod a) {
    PodRun run = new PodRun(a, now);
    runs.add(run);
    Pod pod = behaviourOf(a);
    scheduled.add(new Scheduled(now, new Event.PodStarted(a.nodeId(), now), run));
    if (pod.runsFor() == null) return;
    Instant end = now.plus(pod.runsFor());
    Outputs outputs = outputs(a.template(), pod);
    scheduled.add(
        new Scheduled(
            end,
            new Event.PodFinished(a.nodeId(), pod.exitCode(), pod.error(), outputs, now, end),
            run));
  }

  private void kill(String nodeId) {
    scheduled.removeIf(s -> s.event() instanceof Event.PodFinished f && f.nodeId().equals(nodeId));
    for (PodRun r : runs) {
      if (r.action.nodeId().equals(nodeId) && r.endedAt == null) {
        r.endedAt = now;
        r.killed = true;
      }
    }
  }

  private static Outputs outputs(Template t, Pod pod) {
    List<Parameter> params = new ArrayList<>();
    for (Parameter p : t.outputsOrEmpty().parametersOrEmpty()) {
      String value = pod.params().get(p.name());
      if (value == null && p.valueFrom() != null) value = p.valueFrom().defaultValue();
      if (value != null)
        params.add(new Parameter(p.name(), null, value, null, p.globalName(), null, null));
    }
    return new Outputs(params, null, pod.result(), Integer.toString(pod.exitCode()));
  }

  private Pod behaviourOf(Action.RunPod a) {
    NodeStatus node = wf.status().nodes().get(a.nodeId());
    List<String> keys = new ArrayList<>();
    keys.add(a.nodeName());
    if (node != null && node.displayName() != null) keys.add(node.displayName());
    if (a.template().name() != null) keys.add(a.template().name());
    for (String key : keys) {
      List<Pod> seq = behaviours.get(key);
      if (seq == null || seq.isEmpty()) continue;
      int n = uses.merge(key, 1, Integer::sum) - 1;
      return seq.get(Math.min(n, seq.size() - 1));
    }
    return Pod.ok();
  }

  private boolean hasDueEvents() {
    return edited || !queued.isEmpty() || scheduled.stream().anyMatch(s -> !s.at().isAfter(now));
  }

  private Instant nextTime() {
    Instant next = last().wakeAt().orElse(null);
    for (Scheduled s : scheduled) if (next == null || s.at().isBefore(next)) next = s.at();
    return next;
  }

  // ---- what happened ----

  public boolean completed() {
    return !history.isEmpty() && last().completed();
  }

  public Reconciliation last() {
    return history.get(history.size() - 1);
  }

  public List<Reconciliation> history() {
    return history;
  }

  public Workflow workflow() {
    return wf;
  }

  public WorkflowStatus status() {
    return wf.status();
  }

  public Instant now() {
    return now;
  }

  public String workflowPhase() {
    return status().phase() == null ? null : status().phase().label();
  }

  public String workflowMessage() {
    return status().message();
  }

  public Optional<NodeStatus> find(String nameOrDisplayName) {
    Map<String, NodeStatus> nodes = status().nodesOrEmpty();
    for (NodeStatus n : nodes.values())
      if (n.name().equals(nameOrDisplayName)) return Optional.of(n);
    List<NodeStatus> byDisplay =
        nodes.values().stream().filter(n -> nameOrDisplayName.equals(n.displayName())).toList();
    if (byDisplay.size() > 1) {
      fail("display name " + nameOrDisplayName + " is ambiguous: " + nodeNames());
    }
    return byDisplay.stream().findFirst();
  }

  public NodeStatus node(String nameOrDisplayName) {
    return find(nameOrDisplayName)
        .orElseThrow(
            () -> new AssertionError("no node " + nameOrDisplayName + " in " + nodeNames()));
  }

  public String phaseOf(String nameOrDisplayName) {
    return node(nameOrDisplayName).phase().label();
  }

  public String messageOf(String nameOrDisplayName) {
    return node(nameOrDisplayName).message();
  }

  /** Node names in creation order. */
  public List<String> nodeNames() {
    return status().nodesOrEmpty().values().stream().map(NodeStatus::name).toList();
  }

  /** Node names of the pods the engine started, in the order it asked for them. */
  public List<String> podsRun() {
    return runs.stream().map(PodRun::nodeName).toList();
  }

  public List<PodRun> podRuns() {
    return runs;
  }

  /** The last pod run for a node (by name or display name). */
  public PodRun podOf(String nameOrDisplayName) {
    String name = node(nameOrDisplayName).name();
    PodRun found = null;
    for (PodRun r : runs) if (r.nodeName().equals(name)) found = r;
    if (found == null) fail("no pod ran for " + name + "; pods: " + podsRun());
    return found;
  }

  /** The substituted container args (or script source) of a node's pod. */
  public List<String> argsOf(String nameOrDisplayName) {
    Template t = podOf(nameOrDisplayName).template();
    if (t.container() != null) return t.container().args();
    return List.of(t.script().source());
  }

  public List<Action> actions() {
    return actions;
  }

  public <A extends Action> List<A> actions(Class<A> type) {
    return actions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The most pods that were running at the same moment. */
  public int maxConcurrentPods() {
    int max = 0;
    for (PodRun r : runs) {
      int active = (int) runs.stream().filter(o -> o.activeAt(r.startedAt)).count();
      max = Math.max(max, active);
    }
    return max;
  }

  /** Whether the pods of two nodes ran at the same time. */
  public boolean overlapped(String a, String b) {
    PodRun x = podOf(a);
    PodRun y = podOf(b);
    return x.activeAt(y.startedAt) || y.activeAt(x.startedAt);
  }
}
