// The graph's controls: orientation, zoom, fit, search, and the fan-out groups.
export interface GraphToolbarProps {
  horizontal: boolean;
  query: string;
  /** how many fan-outs are large enough to collapse */
  groups: number;
  expandedKeys: string[];
  onOrientation: () => void;
  onZoom: (factor: number) => void;
  onFit: () => void;
  onQuery: (q: string) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  onCollapse: (groupKey: string) => void;
}

export function GraphToolbar(p: GraphToolbarProps) {
  return (
    <div class="weft-graph-toolbar" role="toolbar" aria-label="Graph">
      <button
        type="button"
        data-testid="graph-orientation"
        title={p.horizontal ? 'Lay out top to bottom' : 'Lay out left to right'}
        aria-pressed={p.horizontal}
        onClick={p.onOrientation}
      >
        {p.horizontal ? '→' : '↓'}
      </button>
      <button type="button" data-testid="graph-zoom-in" title="Zoom in" onClick={() => p.onZoom(1.25)}>
        +
      </button>
      <button type="button" data-testid="graph-zoom-out" title="Zoom out" onClick={() => p.onZoom(0.8)}>
        −
      </button>
      <button type="button" data-testid="graph-fit" title="Fit the graph in view" onClick={p.onFit}>
        ⤢
      </button>
      <button type="button" data-testid="graph-expand-all" title="Expand all groups" disabled={p.groups === 0} onClick={p.onExpandAll}>
        Expand all
      </button>
      <button
        type="button"
        data-testid="graph-collapse-all"
        title="Collapse all groups"
        disabled={p.expandedKeys.length === 0}
        onClick={p.onCollapseAll}
      >
        Collapse all
      </button>
      {p.expandedKeys.map((k) => (
        <button
          type="button"
          class="weft-graph-chip"
          data-testid="graph-collapse-group"
          data-group={k}
          title={`Collapse ${k}`}
          onClick={() => p.onCollapse(k)}
        >
          ⊟ {k.slice(k.lastIndexOf('/') + 1)}
        </button>
      ))}
      <input
        type="search"
        data-testid="graph-search"
        placeholder="Search nodes"
        aria-label="Search nodes"
        value={p.query}
        onInput={(e) => p.onQuery((e.target as HTMLInputElement).value)}
      />
    </div>
  );
}
