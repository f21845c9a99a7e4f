// CONTRACT PLACEHOLDER, replaced by the ui-graph branch: the props and the DOM below are the contract
// the rest of the app and the browser tests rely on.
//
// <WorkflowGraph workflow={wf} selectedNodeId={id} onSelectNode={(id) => ...} />
//   workflow: the Workflow JSON as GET /api/v1/workflows/{ns}/{name} returns it (spec + status),
//             re-rendered whenever a new version arrives from the watch stream.
// DOM:
//   <div data-testid="graph"> wrapping an <svg>; toolbar buttons data-testid="graph-orientation",
//   "graph-zoom-in", "graph-zoom-out", "graph-fit", an <input data-testid="graph-search">.
//   Each node: <g class="node" data-node-id=ID data-name=DISPLAYNAME data-phase=PHASE
//              data-planned="true"|absent transform="translate(x,y)"> ; planned (not started yet,
//              drawn from the spec) nodes have data-phase="Pending" and data-planned="true" and an
//              id of the form "planned:<path>".
//   Each edge: <path class="edge" data-from=ID data-to=ID>.
//   A collapsed fan-out: <g class="node group" data-group=KEY data-count=N>; clicking it expands.
export interface WorkflowGraphProps {
  workflow: any;
  selectedNodeId?: string;
  onSelectNode: (nodeId: string) => void;
}

export function WorkflowGraph(props: WorkflowGraphProps) {
  const nodes: Record<string, any> = props.workflow?.status?.nodes ?? {};
  return (
    <div data-testid="graph">
      <svg width="400" height={Object.keys(nodes).length * 30 + 10}>
        {Object.values(nodes).map((n: any, i) => (
          <g
            class="node"
            data-node-id={n.id}
            data-name={n.displayName}
            data-phase={n.phase}
            transform={`translate(10,${i * 30 + 10})`}
            onClick={() => props.onSelectNode(n.id)}
          >
            <text>{n.displayName}</text>
          </g>
        ))}
      </svg>
    </div>
  );
}
