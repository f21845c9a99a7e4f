import { resultColor } from './delivery';

/** A binding's result or a delivery's phase, coloured as workflow phases are. */
export function ResultBadge({ result, testid }: { result: string; testid?: string }) {
  const color = result === 'Dispatched' ? 'var(--phase-succeeded)' : resultColor(result);
  return (
    <span class="badge" style={{ background: color }} data-testid={testid} data-result={result}>
      {result}
    </span>
  );
}
