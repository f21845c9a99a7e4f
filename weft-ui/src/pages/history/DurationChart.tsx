import type { RunColumn } from './historyGrid';
import { phaseColor } from '../../util/phases';
import { formatDuration } from '../../util/time';

/** One bar per run, its height the run's duration; columns line up with the grid's. */
export function DurationChart({ runs, cell, offset }: { runs: RunColumn[]; cell: number; offset: number }) {
  const height = 120;
  const max = Math.max(1, ...runs.map((r) => r.durationMs ?? 0));
  return (
    <svg class="duration-chart" data-testid="duration-chart" width={offset + runs.length * cell + 10} height={height + 20}>
      <text x={offset - 8} y={12} text-anchor="end" class="axis">{formatDuration(max)}</text>
      <text x={offset - 8} y={height} text-anchor="end" class="axis">0s</text>
      {runs.map((r, i) => {
        const h = Math.max(1, ((r.durationMs ?? 0) / max) * (height - 10));
        return (
          <rect key={r.name} data-testid="duration-bar" data-run={r.name} data-ms={r.durationMs ?? 0} x={offset + i * cell + 3} y={height - h} width={cell - 6} height={h} rx={2} fill={phaseColor(r.phase)}>
            <title>{`${r.name}: ${r.phase}, ${formatDuration(r.durationMs)}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
