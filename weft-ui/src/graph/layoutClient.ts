// Where a layout is computed: in the page for small graphs (a worker's start-up costs more than the
// layout), in a Web Worker above WORKER_THRESHOLD nodes so the page never freezes; results are
// cached by the graph's structural key, so a status update that only changes phases re-uses them.
import { layeredLayout, type LayoutInput, type LayoutResult } from './layout';
import { nodeSize } from './sizes';
import type { GraphEdge, GraphNode } from './types';

export const WORKER_THRESHOLD = 150;
const CACHE_SIZE = 16;

export interface PlacedGraph {
  key: string;
  /** node id → centre and size */
  at: Map<string, { x: number; y: number; w: number; h: number }>;
  /** `from>to` → polyline */
  routes: Map<string, { x: number; y: number }[]>;
  width: number;
  height: number;
  /** time spent laying out, ms */
  ms: number;
  inWorker: boolean;
}

const cache = new Map<string, PlacedGraph>();
let worker: Worker | undefined;
let nextId = 1;
let broken = false;
const waiting = new Map<number, { resolve: (r: { result: LayoutResult; ms: number }) => void; input: LayoutInput }>();

export function cachedLayout(key: string): PlacedGraph | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
  }
  return hit;
}

export function layoutInput(nodes: readonly GraphNode[], edges: readonly GraphEdge[], horizontal: boolean): LayoutInput {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const list: [number, number][] = [];
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a !== undefined && b !== undefined) list.push([a, b]);
  }
  return { nodes: nodes.map((n) => ({ id: n.id, ...nodeSize(n) })), edges: list, horizontal };
}

/** Lays the graph out (or finds it in the cache); async only when a worker does the work. */
export function computeLayout(
  key: string,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  horizontal: boolean,
): PlacedGraph | Promise<PlacedGraph> {
  const hit = cachedLayout(key);
  if (hit) return hit;
  const input = layoutInput(nodes, edges, horizontal);
  if (nodes.length <= WORKER_THRESHOLD || broken || typeof Worker === 'undefined') {
    const t0 = performance.now();
    const result = layeredLayout(input);
    return remember(key, input, result, performance.now() - t0, false);
  }
  return inWorker(input).then(({ result, ms }) => remember(key, input, result, ms, true));
}

/** Starts the worker ahead of the first big layout, so its script loads while the graph is built. */
export function warmLayoutWorker() {
  if (!broken && typeof Worker !== 'undefined') startWorker();
}

function inWorker(input: LayoutInput): Promise<{ result: LayoutResult; ms: number }> {
  startWorker();
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, { resolve, input });
    worker!.postMessage({ id, input });
  });
}

function startWorker() {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; result: LayoutResult; ms: number }>) => {
      const done = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      done?.resolve(e.data);
    };
    // A worker that cannot start (a policy, an old browser): lay out here rather than never.
    worker.onerror = () => {
      worker = undefined;
      broken = true;
      for (const [id, w] of waiting) {
        waiting.delete(id);
        const t0 = performance.now();
        const result = layeredLayout(w.input);
        w.resolve({ result, ms: performance.now() - t0 });
      }
    };
  }
}

function remember(key: string, input: LayoutInput, r: LayoutResult, ms: number, inWorker: boolean): PlacedGraph {
  const at = new Map<string, { x: number; y: number; w: number; h: number }>();
  input.nodes.forEach((n, i) => at.set(n.id, { x: r.xs[i], y: r.ys[i], w: n.w, h: n.h }));
  const routes = new Map<string, { x: number; y: number }[]>();
  input.edges.forEach(([a, b], i) => routes.set(input.nodes[a].id + '>' + input.nodes[b].id, r.edges[i]));
  const placed: PlacedGraph = { key, at, routes, width: r.width, height: r.height, ms, inWorker };
  cache.set(key, placed);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return placed;
}
