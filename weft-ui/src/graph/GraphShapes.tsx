// One node or edge of the SVG. The data-* attributes are the contract the app and the browser tests
// read (see WorkflowGraph.tsx).
import { Component } from 'preact';
import { shortLabel } from './sizes';
import type { GraphNode } from './types';

export interface NodeViewProps {
  node: GraphNode;
  x: number;
  y: number;
  w: number;
  h: number;
  selected: boolean;
  /** '' no search, 'match' or 'dim' */
  search: '' | 'match' | 'dim';
  labels: boolean;
  onClick: (node: GraphNode) => void;
}

const PHASE_ORDER = ['Failed', 'Error', 'Running', 'Suspended', 'Pending', 'Succeeded', 'Skipped', 'Omitted'];

/** Re-rendered only when its props change: panning moves the parent group, not the nodes. */
export class NodeView extends Component<NodeViewProps> {
  shouldComponentUpdate(next: NodeViewProps) {
    const p = this.props;
    return (
      p.node !== next.node || p.x !== next.x || p.y !== next.y || p.selected !== next.selected ||
      p.search !== next.search || p.labels !== next.labels || p.onClick !== next.onClick
    );
  }

  render() {
    return drawNode(this.props);
  }
}

function drawNode(p: NodeViewProps) {
  const n = p.node;
  const cls = ['node', n.kind, p.selected ? 'selected' : '', p.search, n.planned ? 'planned' : ''].filter(Boolean).join(' ');
  const common = {
    class: cls,
    'data-node-id': n.id,
    'data-name': n.displayName,
    'data-phase': n.phase,
    'data-type': n.type,
    'data-planned': n.planned ? 'true' : undefined,
    transform: `translate(${round(p.x)},${round(p.y)})`,
    onClick: (e: MouseEvent) => {
      e.stopPropagation();
      p.onClick(n);
    },
    // reachable by keyboard: Tab to a node, Enter or Space to select (or expand a group)
    tabIndex: p.labels && n.kind !== 'virtual' ? 0 : undefined,
    role: 'button' as const,
    'aria-label': `${n.label}, ${n.phase}${n.planned ? ', not started yet' : ''}`,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        p.onClick(n);
      }
    },
  };
  // zoomed out (no labels), a node is its outline alone: fewer elements for thousands of nodes
  const title = p.labels ? <title>{tooltip(n)}</title> : null;
  if (n.kind === 'virtual') {
    return (
      <g {...common}>
        {title}
        <circle class="shape" r={p.w / 2} />
      </g>
    );
  }
  if (n.kind === 'group') {
    const counts = PHASE_ORDER.filter((ph) => n.group!.phases[ph]).concat(
      Object.keys(n.group!.phases).filter((ph) => !PHASE_ORDER.includes(ph)),
    );
    return (
      <g {...common} data-group={n.group!.key} data-count={n.group!.members.length}>
        {title}
        <rect class="shape stack" x={-p.w / 2 + 4} y={-p.h / 2 + 4} width={p.w} height={p.h} rx={8} />
        <rect class="shape" x={-p.w / 2} y={-p.h / 2} width={p.w} height={p.h} rx={8} />
        {p.labels && (
          <>
            <text class="label" y={-5}>
              {shortLabel(n.label)}
            </text>
            <text class="counts" y={13}>
              {counts.map((ph) => (
                <tspan class="count" data-phase={ph} key={ph}>
                  {'● ' + n.group!.phases[ph] + '  '}
                </tspan>
              ))}
            </text>
          </>
        )}
      </g>
    );
  }
  const rx = n.kind === 'boundary' ? p.h / 2 : 6;
  return (
    <g {...common}>
      {title}
      <rect class="shape" x={-p.w / 2} y={-p.h / 2} width={p.w} height={p.h} rx={rx} />
      {n.kind === 'pod' && p.labels && <circle class="dot" cx={-p.w / 2 + 14} cy={0} r={5} />}
      {p.labels && (
        <text class="label" x={n.kind === 'pod' ? 8 : 0} y={1}>
          {shortLabel(n.label)}
        </text>
      )}
    </g>
  );
}

function tooltip(n: GraphNode): string {
  const lines = [`${n.label} (${n.type})`, `phase: ${n.phase}${n.planned ? ' (planned: not started yet)' : ''}`];
  if (n.templateName) lines.push(`template: ${n.templateName}`);
  if (n.message) lines.push(n.message);
  if (n.group) {
    for (const [phase, count] of Object.entries(n.group.phases)) lines.push(`${phase}: ${count}`);
    lines.push('click to expand');
  }
  return lines.join('\n');
}

const round = (v: number) => Math.round(v * 10) / 10;

/** An edge as a smooth curve through its route, bending along the layer axis. */
export function edgePath(points: { x: number; y: number }[], horizontal: boolean): string {
  if (points.length === 0) return '';
  let d = `M${round(points[0].x)},${round(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (horizontal) {
      const mx = (a.x + b.x) / 2;
      d += ` C${round(mx)},${round(a.y)} ${round(mx)},${round(b.y)} ${round(b.x)},${round(b.y)}`;
    } else {
      const my = (a.y + b.y) / 2;
      d += ` C${round(a.x)},${round(my)} ${round(b.x)},${round(my)} ${round(b.x)},${round(b.y)}`;
    }
  }
  return d;
}

/** An edge as straight segments: cheaper, for the many edges of a zoomed-out view. */
export function edgePolyline(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${Math.round(p.x)},${Math.round(p.y)}`).join('');
}
