// The across-runs grid: runs (oldest left, newest right, as Airflow) × the nodes' display names.
import type { Workflow } from '../../api/types';
import { elapsed } from '../../util/time';

export interface RunColumn {
  name: string;
  namespace: string;
  phase: string;
  startedAt?: string;
  durationMs?: number;
}

export interface Cell {
  phase?: string;
  count: number;
  nodeId?: string;
}

export interface GridRow {
  node: string;
  cells: Cell[];
}

const HIDDEN = new Set(['StepGroup', 'TaskGroup', 'DAG', 'Steps']);
// A display name run several times in one run (a fan-out, a retry) shows its most telling phase.
const RANK = ['Error', 'Failed', 'Running', 'Pending', 'Succeeded', 'Skipped', 'Omitted'];
const rank = (p?: string) => {
  const i = RANK.indexOf(p ?? 'Pending');
  return i < 0 ? RANK.length : i;
};

export function historyGrid(workflows: Workflow[], now = Date.now()): { runs: RunColumn[]; rows: GridRow[] } {
  const sorted = [...workflows].sort((a, b) =>
    (a.status?.startedAt ?? a.metadata.creationTimestamp ?? '').localeCompare(b.status?.startedAt ?? b.metadata.creationTimestamp ?? ''),
  );
  const runs: RunColumn[] = sorted.map((w) => ({
    name: w.metadata.name ?? '',
    namespace: w.metadata.namespace ?? 'default',
    phase: w.status?.phase || 'Pending',
    startedAt: w.status?.startedAt,
    durationMs: elapsed(w.status?.startedAt, w.status?.finishedAt, now),
  }));
  // Rows in the order the nodes first started, newest run first (the current shape wins).
  const order = new Map<string, string>();
  for (const w of [...sorted].reverse()) {
    for (const n of Object.values(w.status?.nodes ?? {})) {
      if (HIDDEN.has(n.type ?? '') || n.id === w.metadata.name) continue;
      const name = n.displayName ?? n.name;
      const key = n.startedAt ?? '9999';
      if (!order.has(name) || key < order.get(name)!) order.set(name, key);
    }
  }
  const names = [...order.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0])).map(([n]) => n);
  const rows: GridRow[] = names.map((node) => ({
    node,
    cells: sorted.map((w) => {
      const cell: Cell = { count: 0 };
      for (const n of Object.values(w.status?.nodes ?? {})) {
        if ((n.displayName ?? n.name) !== node || HIDDEN.has(n.type ?? '') || n.id === w.metadata.name) continue;
        cell.count++;
        if (cell.phase === undefined || rank(n.phase) < rank(cell.phase)) {
          cell.phase = n.phase ?? 'Pending';
          cell.nodeId = n.id;
        }
      }
      return cell;
    }),
  }));
  return { runs, rows };
}
