import { phaseColor } from '../util/phases';

export function PhaseBadge({ phase, testid }: { phase?: string; testid?: string }) {
  const label = phase || 'Unknown';
  return (
    <span class="badge" style={{ background: phaseColor(phase) }} data-testid={testid} data-phase={label}>
      {label}
    </span>
  );
}
