// The workflow graph: the status's nodes as Argo's UI draws them, plus the nodes not started yet
// (planned, from the spec), fan-outs collapsed into groups, a layered layout (in a worker for big
// graphs), only what is in view rendered.
//
// CONTRACT (the app and the browser tests rely on it):
// <WorkflowGraph workflow={wf} selectedNodeId={id} onSelectNode={(id) => ...} />
//   workflow: the Workflow JSON as GET /api/v1/workflows/{ns}/{name} returns it (spec + status),
//             re-rendered whenever a new version arrives from the watch stream.
// DOM:
//   <div data-testid="graph"> wrapping an <svg>; toolbar buttons data-testid="graph-orientation",
//   "graph-zoom-in", "graph-zoom-out", "graph-fit", "graph-expand-all", "graph-collapse-all", an
//   <input data-testid="graph-search">; per expanded group a button data-testid="graph-collapse-group"
//   data-group=KEY.
//   Each node: <g class="node" data-node-id=ID data-name=DISPLAYNAME data-phase=PHASE data-type=TYPE
//              data-planned="true"|absent transform="translate(x,y)"> (x,y the centre; a running
//              Suspend node has data-phase="Suspended", as Argo's UI shows it); planned (not started yet,
//              drawn from the spec) nodes have data-phase="Pending" and data-planned="true" and an
//              id of the form "planned:<path>" (data-phase="Omitted" once the workflow has ended).
//   Each edge: <path class="edge" data-from=ID data-to=ID>.
//   Only nodes and edges in or near view are in the DOM. With more than 800 nodes on screen, plain
//   nodes are drawn as one path per phase and more than 600 edges as one path (no data-* then).
//   A collapsed fan-out: <g class="node group" data-group=KEY data-count=N>; clicking it expands.
//   The wrapper carries data-layout-ms (the last layout's time), data-layout-worker, data-layouts
//   (layouts computed, not found in the cache), data-nodes (nodes in the graph) and data-horizontal;
//   performance.mark('weft-graph-drawn') marks the first draw.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cachedLayout, computeLayout, warmLayoutWorker, WORKER_THRESHOLD, type PlacedGraph } from './layoutClient';
import { buildGraph, structuralKey } from './model';
import { GraphScene, isDense, nodeAt, showsLabels, visibleContent } from './GraphScene';
import { GraphToolbar } from './GraphToolbar';
import { loadExpanded, saveExpanded } from './expanded';
import { stabilize } from './stable';
import type { GraphNode } from './types';
import { fitView, initialView, placeAt, visibleRect, zoomAt, type View } from './viewport';
import './graph.css';

export interface WorkflowGraphProps {
  workflow: any;
  selectedNodeId?: string;
  onSelectNode: (nodeId: string) => void;
}

const ORIENTATION_KEY = 'weft.graph.horizontal';
/** an animation repaints the whole drawing every frame: only small drawings pulse their running nodes */
const ANIMATE_NODES = 150;

export function WorkflowGraph(props: WorkflowGraphProps) {
  const wf = props.workflow;
  const wfKey = `${wf?.metadata?.namespace ?? ''}/${wf?.metadata?.name ?? ''}`;
  const [horizontal, setHorizontal] = useState(() => localStorage.getItem(ORIENTATION_KEY) === 'true');
  const [expandedFor, setExpandedFor] = useState(() => ({ wfKey, set: loadExpanded(wfKey) }));
  // another workflow in the same component (the app navigated): its own expanded groups, a new view
  const expanded = useMemo(() => (expandedFor.wfKey === wfKey ? expandedFor.set : loadExpanded(wfKey)), [expandedFor, wfKey]);
  const [query, setQuery] = useState('');
  const [view, setView] = useState<View | null>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [asyncPlaced, setAsyncPlaced] = useState<PlacedGraph | null>(null);
  const layouts = useRef(0);
  const shown = useRef<PlacedGraph | null>(null);
  const fitPending = useRef(true);
  const focus = useRef<{ id: string; sx: number; sy: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const markedDrawn = useRef(false);
  const shownKey = useRef(wfKey);
  if (shownKey.current !== wfKey) {
    shownKey.current = wfKey;
    fitPending.current = true;
  }

  // A big workflow (by its status or its DAGs' tasks): the layout worker starts loading now.
  useMemo(() => {
    const tasks = (wf?.spec?.templates ?? []).reduce((sum: number, t: any) => sum + (t?.dag?.tasks?.length ?? 0), 0);
    if (Object.keys(wf?.status?.nodes ?? {}).length + tasks > WORKER_THRESHOLD) warmLayoutWorker();
  }, [wfKey]);
  const stableNodes = useRef(new Map<string, GraphNode>());
  // The same version of the workflow fetched again (a poll, a re-render) is not rebuilt.
  const version = wf?.metadata?.resourceVersion ? `${wf.metadata.uid ?? wfKey}@${wf.metadata.resourceVersion}` : wf;
  const graph = useMemo(() => {
    const g = buildGraph(wf, { expanded });
    const s = stabilize(stableNodes.current, g.nodes);
    stableNodes.current = s.byId;
    return { ...g, nodes: s.nodes };
  }, [version, expanded]);
  const key = useMemo(() => structuralKey(graph.nodes, graph.edges, horizontal), [graph, horizontal]);

  // Small or cached: laid out now, in this render. Big: in the worker, drawn when it answers.
  const syncPlaced = useMemo(() => {
    if (!cachedLayout(key)) layouts.current++;
    const r = computeLayout(key, graph.nodes, graph.edges, horizontal);
    if (r instanceof Promise) {
      r.then(setAsyncPlaced);
      return null;
    }
    return r;
  }, [key]);
  const placed = syncPlaced ?? (asyncPlaced?.key === key ? asyncPlaced : shown.current);
  shown.current = placed;

  useLayoutEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    setSize({ w: el.clientWidth, h: el.clientHeight });
    return () => ro.disconnect();
  }, []);

  // First view, a view after the orientation changed, or the expanded/collapsed node kept in place.
  useEffect(() => {
    if (!placed || placed.key !== key || size.w === 0) return;
    const f = focus.current;
    if (f && view) {
      const at = placed.at.get(f.id);
      focus.current = null;
      if (at) setView(placeAt(view, at.x, at.y, f.sx, f.sy));
      return;
    }
    if (fitPending.current || !view) {
      fitPending.current = false;
      const root = graph.nodes[0] && placed.at.get(graph.nodes[0].id);
      const first = initialView(placed.width, placed.height, size.w, size.h, root);
      // a link to a node: show it, if the whole graph does not fit
      const sel = props.selectedNodeId ? placed.at.get(props.selectedNodeId) : undefined;
      const fits = first.k >= 0.5 && first.x >= 0;
      setView(sel && !fits ? placeAt(first, sel.x, sel.y, size.w / 2, size.h / 2) : first);
    }
  }, [placed, key, size.w === 0]);

  useEffect(() => {
    if (placed && view && !markedDrawn.current) {
      markedDrawn.current = true;
      performance.mark('weft-graph-drawn', { detail: { nodes: graph.nodes.length, layoutMs: placed.ms } });
    }
  }, [placed, view]);

  // A newly selected node inside a collapsed group (a shared link, a click in another view): expand
  // it, once per selection, so the user can still collapse the group afterwards.
  const revealed = useRef<string | undefined>(undefined);
  useEffect(() => {
    const id = props.selectedNodeId;
    if (!id || revealed.current === id) return;
    if (graph.nodes.some((n) => n.id === id)) {
      revealed.current = id;
      return;
    }
    const holder = graph.nodes.find((n) => n.group?.members.includes(id));
    if (holder?.group) {
      revealed.current = id;
      setExpanded(new Set(expanded).add(holder.group.key));
    }
  }, [props.selectedNodeId, graph]);

  const setExpanded = (next: Set<string>) => {
    saveExpanded(wfKey, next);
    setExpandedFor({ wfKey, set: next });
  };
  const keepInPlace = (id: string, graphId: string) => {
    const at = placed?.at.get(graphId);
    if (at && view) focus.current = { id, sx: at.x * view.k + view.x, sy: at.y * view.k + view.y };
  };

  // One handler for the life of the component (it reads the latest state through a ref), so the
  // nodes, which compare their props, are not all redrawn on every pan or zoom.
  const click = useRef<(n: GraphNode) => void>(() => {});
  click.current = (n: GraphNode) => {
    if (n.group) {
      keepInPlace(n.group.members[0], n.id);
      setExpanded(new Set(expanded).add(n.group.key));
    } else if (!n.planned) props.onSelectNode(n.id);
  };
  const onNodeClick = useCallback((n: GraphNode) => click.current(n), []);
  const collapse = (groupKey: string) => {
    const next = new Set(expanded);
    next.delete(groupKey);
    const parent = graph.nodes.find((n) => n.name === groupKey.slice(0, groupKey.lastIndexOf('/')));
    if (parent) keepInPlace(parent.id, parent.id);
    setExpanded(next);
  };

  // Search: matching nodes highlighted, the rest dimmed, the view moved to the first match.
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const hit = (n: GraphNode) =>
      n.label.toLowerCase().includes(q) ||
      n.name.toLowerCase().includes(q) ||
      (n.templateName ?? '').toLowerCase().includes(q) ||
      (n.group?.labels.some((l) => l.toLowerCase().includes(q)) ?? false);
    return new Set(graph.nodes.filter((n) => n.kind !== 'virtual' && hit(n)).map((n) => n.id));
  }, [graph, query]);
  const searched = useRef('');
  useEffect(() => {
    if (!matches) searched.current = '';
    if (!matches || !placed || !view || searched.current === query) return; // a new status does not move the view
    searched.current = query;
    const first = graph.nodes.find((n) => matches.has(n.id));
    const at = first && placed.at.get(first.id);
    if (at) setView(placeAt(view, at.x, at.y, size.w / 2, size.h / 2));
  }, [matches, placed]);

  // Pan by dragging the background, zoom with the wheel around the pointer.
  const drag = useRef<{ x: number; y: number; v: View } | null>(null);
  const dragged = useRef(false);
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !view) return;
    drag.current = { x: e.clientX, y: e.clientY, v: view };
    dragged.current = false;
    let frame = 0;
    let last: PointerEvent | null = null;
    const move = (m: PointerEvent) => {
      last = m; // one render per frame, however many events arrive
      const d0 = drag.current;
      if (d0 && Math.abs(m.clientX - d0.x) + Math.abs(m.clientY - d0.y) > 4) dragged.current = true;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        const d = drag.current;
        if (d && last) setView({ k: d.v.k, x: d.v.x + last.clientX - d.x, y: d.v.y + last.clientY - d.y });
      });
    };
    const up = () => {
      drag.current = null;
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const svgRef = useRef<SVGSVGElement>(null);
  const viewRef = useRef(view);
  viewRef.current = view;
  useEffect(() => {
    const svg = svgRef.current!;
    const onWheel = (e: WheelEvent) => {
      const v = viewRef.current;
      if (!v) return;
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      setView(zoomAt(v, Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const zoom = (f: number) => view && setView(zoomAt(view, f, size.w / 2, size.h / 2));
  const fit = () => placed && setView(fitView(placed.width, placed.height, size.w, size.h));
  const toggleOrientation = () => {
    localStorage.setItem(ORIENTATION_KEY, String(!horizontal));
    fitPending.current = true;
    setHorizontal(!horizontal);
  };

  // Only what is in view (plus a margin) is rendered.
  const content = placed && view ? visibleContent(graph.nodes, graph.edges, placed, visibleRect(view, size.w, size.h), visibleRect(view, size.w, size.h, 0)) : null;
  const labels = content && view ? showsLabels(content, view) : true;
  // clicks on the dense drawing (paths, not node elements) find their node by position
  const onSvgClick = (e: MouseEvent) => {
    if (!content || !view || !isDense(content) || dragged.current) return;
    const r = svgRef.current!.getBoundingClientRect();
    const n = nodeAt(content, (e.clientX - r.left - view.x) / view.k, (e.clientY - r.top - view.y) / view.k);
    if (n) onNodeClick(n);
  };
  const expandedKeys = graph.groupKeys.filter((k) => expanded.has(k));

  return (
    <div
      class="weft-graph"
      data-testid="graph"
      data-horizontal={String(horizontal)}
      data-layout-ms={placed ? placed.ms.toFixed(1) : undefined}
      data-layout-worker={placed ? String(placed.inWorker) : undefined}
      data-layouts={layouts.current}
      data-nodes={graph.nodes.length}
    >
      <GraphToolbar
        horizontal={horizontal}
        query={query}
        groups={graph.groupKeys.length}
        expandedKeys={expandedKeys}
        onOrientation={toggleOrientation}
        onZoom={zoom}
        onFit={fit}
        onQuery={setQuery}
        onExpandAll={() => {
          fitPending.current = true;
          setExpanded(new Set([...expanded, ...graph.groupKeys]));
        }}
        onCollapseAll={() => {
          fitPending.current = true;
          setExpanded(new Set());
        }}
        onCollapse={collapse}
      />
      <div class="weft-graph-canvas" ref={box}>
        {graph.nodes.length === 0 && <p class="weft-graph-empty">Nothing to show yet.</p>}
        {graph.nodes.length > 0 && !placed && <p class="weft-graph-empty">Laying out {graph.nodes.length} nodes…</p>}
        <svg
          ref={svgRef}
          class={[labels ? '' : 'far', (content?.nodes.length ?? 0) > ANIMATE_NODES ? 'still' : ''].join(' ').trim()}
          width="100%"
          height="100%"
          onPointerDown={onPointerDown}
          onClick={onSvgClick}
        >
          <defs>
            <marker id="weft-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" class="arrow" />
            </marker>
          </defs>
          {content && view && placed && (
            <GraphScene
              content={content}
              placed={placed}
              view={view}
              horizontal={horizontal}
              selectedId={props.selectedNodeId}
              matches={matches}
              onNodeClick={onNodeClick}
            />
          )}
        </svg>
      </div>
    </div>
  );
}
