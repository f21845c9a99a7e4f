// The layering half of the layout (layout.ts): the graph made acyclic, its layers, and the order
// of the nodes within each layer.

export function dedupe(edges: [number, number][], n: number): [number, number][] {
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (const [a, b] of edges) {
    if (a === b || a < 0 || b < 0 || a >= n || b >= n) continue;
    const k = a * n + b;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push([a, b]);
  }
  return out;
}

/** Reverses the back edges an iterative depth-first search finds, so the graph becomes acyclic. */
export function breakCycles(n: number, edges: [number, number][]): [number, number][] {
  const out: number[][] = Array.from({ length: n }, () => []);
  edges.forEach(([a], k) => out[a].push(k));
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const reversed = new Uint8Array(edges.length);
  const stack: [number, number][] = [];
  for (let s = 0; s < n; s++) {
    if (state[s]) continue;
    stack.push([s, 0]);
    state[s] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, k] = top;
      if (k < out[v].length) {
        top[1]++;
        const e = out[v][k];
        const w = edges[e][1];
        if (state[w] === 1) reversed[e] = 1;
        else if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  return edges.map(([a, b], k) => (reversed[k] ? [b, a] : [a, b]));
}

/** Longest path from the sources: a node sits one layer below its deepest predecessor. */
export function longestPathLayers(n: number, edges: [number, number][]): number[] {
  const indeg = new Int32Array(n);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    out[a].push(b);
    indeg[b]++;
  }
  const layer = new Array<number>(n).fill(0);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h];
    for (const w of out[v]) {
      layer[w] = Math.max(layer[w], layer[v] + 1);
      if (--indeg[w] === 0) queue.push(w);
    }
  }
  return layer;
}

/** First order: depth-first from the sources, so children keep the order the model lists them in. */
export function initialOrder(total: number, nodeLayer: number[], down: number[][]): number[][] {
  const layerCount = nodeLayer.reduce((m, l) => Math.max(m, l + 1), 0);
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  const seen = new Uint8Array(total);
  const hasParent = new Uint8Array(total);
  for (const ch of down) for (const c of ch) hasParent[c] = 1;
  const visit = (root: number) => {
    const stack = [root];
    while (stack.length) {
      const v = stack.pop()!;
      if (seen[v]) continue;
      seen[v] = 1;
      layers[nodeLayer[v]].push(v);
      for (let k = down[v].length - 1; k >= 0; k--) if (!seen[down[v][k]]) stack.push(down[v][k]);
    }
  };
  for (let i = 0; i < total; i++) if (!hasParent[i]) visit(i);
  for (let i = 0; i < total; i++) visit(i);
  return layers;
}

/** Barycenter sweeps, down then up; fewer sweeps on big graphs to bound the time. */
export function orderLayers(layers: number[][], up: number[][], down: number[][], pos: Float64Array, work: number) {
  const setPos = (layer: number[]) => layer.forEach((v, i) => (pos[v] = i));
  layers.forEach(setPos);
  const sweeps = work > 20000 ? 2 : work > 5000 ? 4 : 8;
  for (let s = 0; s < sweeps; s++) {
    const downward = s % 2 === 0;
    const range = downward ? layers.map((_, i) => i).slice(1) : layers.map((_, i) => i).reverse().slice(1);
    for (const l of range) {
      const layer = layers[l];
      const bary = new Float64Array(layer.length);
      layer.forEach((v, i) => {
        const adj = downward ? up[v] : down[v];
        if (adj.length === 0) {
          bary[i] = i; // no neighbours on that side: stay where it is
          return;
        }
        let sum = 0;
        for (const u of adj) sum += pos[u];
        bary[i] = sum / adj.length;
      });
      // Nodes keep their relative order on ties (stable sort), which keeps siblings in model order.
      const idx = layer.map((_, i) => i);
      idx.sort((a, b) => bary[a] - bary[b] || a - b);
      layers[l] = idx.map((i) => layer[i]);
      setPos(layers[l]);
    }
  }
}
