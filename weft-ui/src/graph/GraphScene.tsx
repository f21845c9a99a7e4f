// What is inside the pan/zoom transform: the edges and the nodes in view. With more nodes in view
// than DENSE_NODES (a big graph zoomed out), plain nodes are drawn as one path per phase, a handful
// of elements instead of thousands; groups, the selected node and search matches stay whole nodes.
import { useEffect, useState } from 'preact/hooks';
import { edgePath, edgePolyline, NodeView } from './GraphShapes';
import type { PlacedGraph } from './layoutClient';
import type { GraphEdge, GraphNode } from './types';
import type { View } from './viewport';

export type At = { x: number; y: number; w: number; h: number };
export type Pt = { x: number; y: number };

export interface Content {
  /** in view or near it (rendered so a small pan shows no gap) */
  nodes: [GraphNode, At][];
  edges: [GraphEdge, Pt[]][];
  /** how many nodes are actually on screen: what decides how they are drawn */
  onScreen: number;
}

/** below this zoom labels are unreadable: nodes are drawn without text */
const LABEL_ZOOM = 0.25;
/** more nodes than this in view are drawn as paths per phase, without text */
export const DENSE_NODES = 800;
/** more edges than this in view are drawn as one path, without arrows */
const BUNDLE_EDGES = 600;
/** nodes added to the drawing per frame, so many new nodes never block the page at once */
const NODES_PER_FRAME = 200;

export interface SceneProps {
  content: Content;
  placed: PlacedGraph;
  view: View;
  horizontal: boolean;
  selectedId?: string;
  matches: Set<string> | null;
  onNodeClick: (n: GraphNode) => void;
}

export function isDense(content: Content) {
  return content.onScreen > DENSE_NODES;
}

export function showsLabels(content: Content, view: View) {
  return view.k >= LABEL_ZOOM && !isDense(content);
}

export function GraphScene(p: SceneProps) {
  const { content, view } = p;
  const labels = showsLabels(content, view);
  const dense = isDense(content);
  const whole = dense ? content.nodes.filter(([n]) => n.group || n.id === p.selectedId || p.matches?.has(n.id)) : content.nodes;
  // Drawn over a few frames when many nodes come into view at once (on-screen ones come first).
  const [limit, setLimit] = useState(NODES_PER_FRAME);
  useEffect(() => {
    if (limit >= whole.length) return;
    const frame = requestAnimationFrame(() => setLimit((l) => l + NODES_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [limit, whole.length]);
  const drawn = whole.length > limit ? whole.slice(0, limit) : whole;
  return (
    <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
      {content.edges.length <= BUNDLE_EDGES ? (
        <g class="edges">
          {content.edges.map(([e, pts]) => (
            <path
              key={e.from + '>' + e.to}
              class={'edge' + (p.matches ? ' dim' : '')}
              data-from={e.from}
              data-to={e.to}
              d={edgePath(pts, p.horizontal)}
              marker-end="url(#weft-arrow)"
            />
          ))}
        </g>
      ) : (
        <path class="edge bundle" d={bundlePath(p.placed)} />
      )}
      {dense && <DenseNodes content={content} />}
      <g class="nodes">
        {drawn.map(([n, at]) => (
          <NodeView
            key={n.id}
            node={n}
            x={at.x}
            y={at.y}
            w={at.w}
            h={at.h}
            selected={n.id === p.selectedId}
            search={p.matches ? (p.matches.has(n.id) ? 'match' : 'dim') : ''}
            labels={labels}
            onClick={p.onNodeClick}
          />
        ))}
      </g>
    </g>
  );
}

function DenseNodes({ content }: { content: Content }) {
  const byPhase = new Map<string, string[]>();
  for (const [n, at] of content.nodes) {
    if (n.group) continue;
    const d = `M${Math.round(at.x - at.w / 2)},${Math.round(at.y - at.h / 2)}h${Math.round(at.w)}v${Math.round(at.h)}h${-Math.round(at.w)}z`;
    const list = byPhase.get(n.phase);
    if (list) list.push(d);
    else byPhase.set(n.phase, [d]);
  }
  return (
    <g class="dense">
      {[...byPhase].map(([phase, ds]) => (
        <path key={phase} class="dense-nodes" data-phase={phase} d={ds.join('')} />
      ))}
    </g>
  );
}

/** The node drawn at a graph point, for clicks on the dense drawing. */
export function nodeAt(content: Content, gx: number, gy: number): GraphNode | undefined {
  for (const [n, at] of content.nodes) {
    if (Math.abs(gx - at.x) <= at.w / 2 && Math.abs(gy - at.y) <= at.h / 2) return n;
  }
  return undefined;
}

type Rect = { x0: number; y0: number; x1: number; y1: number };

/** The nodes and edges in `near` (the screen plus a margin), with their positions. */
export function visibleContent(nodes: readonly GraphNode[], edges: readonly GraphEdge[], placed: PlacedGraph, near: Rect, screen: Rect): Content {
  const meets = (r: Rect, x0: number, y0: number, x1: number, y1: number) => x1 >= r.x0 && x0 <= r.x1 && y1 >= r.y0 && y0 <= r.y1;
  const inView = (x0: number, y0: number, x1: number, y1: number) => meets(near, x0, y0, x1, y1);
  const out: Content = { nodes: [], edges: [], onScreen: 0 };
  const margin: [GraphNode, At][] = [];
  for (const n of nodes) {
    const at = placed.at.get(n.id);
    if (!at) continue;
    const [x0, y0, x1, y1] = [at.x - at.w / 2, at.y - at.h / 2, at.x + at.w / 2, at.y + at.h / 2];
    if (!inView(x0, y0, x1, y1)) continue;
    if (meets(screen, x0, y0, x1, y1)) out.nodes.push([n, at]);
    else margin.push([n, at]);
  }
  out.onScreen = out.nodes.length;
  out.nodes.push(...margin);
  for (const e of edges) {
    const pts = placed.routes.get(e.from + '>' + e.to);
    if (!pts) continue;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const q of pts) {
      x0 = Math.min(x0, q.x);
      y0 = Math.min(y0, q.y);
      x1 = Math.max(x1, q.x);
      y1 = Math.max(y1, q.y);
    }
    if (inView(x0, y0, x1, y1)) out.edges.push([e, pts]);
  }
  return out;
}

/** Every edge of a layout as one path, computed once per layout. */
const bundles = new WeakMap<PlacedGraph, string>();
function bundlePath(placed: PlacedGraph): string {
  let d = bundles.get(placed);
  if (d === undefined) {
    d = [...placed.routes.values()].map(edgePolyline).join('');
    bundles.set(placed, d);
  }
  return d;
}
