import { useEffect, useRef, useState } from 'preact/hooks';
import type { Workflow } from '../../api/types';
import { phaseColor } from '../../util/phases';
import { formatDuration } from '../../util/time';
import { timelineBars } from './timeline';

const ROW = 24;
const LABEL = 220;
const MIN_WIDTH = 600;

/** A Gantt chart of the workflow's pods. */
export function Timeline({ wf, now, onSelect }: { wf: Workflow; now: number; onSelect: (id: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  const { bars, min, max } = timelineBars(wf, now);
  const drawn = bars.length > 0;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(MIN_WIDTH, el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [drawn]);
  if (!drawn) return <p class="muted">No step has started yet.</p>;
  const scale = (width - LABEL - 20) / (max - min);
  const ticks = 5;
  return (
    <div ref={box}>
      <svg class="timeline" data-testid="timeline" width={width} height={bars.length * ROW + 30}>
        {Array.from({ length: ticks + 1 }, (_, i) => {
          const x = LABEL + ((width - LABEL - 20) * i) / ticks;
          return (
            <g key={i}>
              <line x1={x} x2={x} y1={0} y2={bars.length * ROW} class="grid-line" />
              <text x={x} y={bars.length * ROW + 16} class="axis" text-anchor="middle">
                {formatDuration(((max - min) * i) / ticks)}
              </text>
            </g>
          );
        })}
        {bars.map((b, i) => (
          <g key={b.id} data-testid="timeline-bar" data-node-id={b.id} data-phase={b.phase} class="clickable" onClick={() => onSelect(b.id)}>
            <text x={LABEL - 8} y={i * ROW + 16} text-anchor="end" class="label">
              {b.label.length > 28 ? b.label.slice(0, 27) + '…' : b.label}
            </text>
            <rect
              x={LABEL + (b.start - min) * scale}
              y={i * ROW + 4}
              width={Math.max(2, (b.end - b.start) * scale)}
              height={ROW - 8}
              rx={3}
              fill={phaseColor(b.phase)}
              class={b.running ? 'running' : ''}
            >
              <title>{`${b.label}: ${b.phase}, ${formatDuration(b.end - b.start)}`}</title>
            </rect>
          </g>
        ))}
      </svg>
    </div>
  );
}
