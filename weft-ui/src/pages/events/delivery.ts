// What the events pages show of a delivery, computed apart from the views so it can be tested.
import type { BindingResult, EventDelivery } from '../../api/events';

/** Pending until the status says otherwise (the phase label says the same). */
export function deliveryPhase(d: EventDelivery): string {
  return d.status?.phase || d.metadata.labels?.['events.weft.dev/phase'] || 'Pending';
}

const MATCHED = new Set(['Submitted', 'MatchedWithoutSubmit']);

/** "1/3": bindings whose selector matched, of those evaluated; failures counted apart. */
export function matchedSummary(bindings: BindingResult[] | undefined): string {
  const all = bindings ?? [];
  const matched = all.filter((b) => MATCHED.has(b.result)).length;
  const failed = all.filter((b) => b.result === 'Failed').length;
  return `${matched}/${all.length}` + (failed ? ` (${failed} failed)` : '');
}

/** The payload as indented JSON text; shown as text, so markup in it is never markup. */
export function prettyPayload(payload: unknown): string {
  if (payload === undefined) return 'null';
  try {
    return JSON.stringify(payload, null, 2) ?? 'null';
  } catch {
    return String(payload);
  }
}

/** The headers selectors saw, each as one line of values. */
export function headerRows(metadata: Record<string, unknown> | undefined): [string, string][] {
  return Object.entries(metadata ?? {})
    .map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.map(String).join(', ') : String(v)])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** The colour of a binding result, in the phase palette. */
export function resultColor(result: string): string {
  switch (result) {
    case 'Submitted':
      return 'var(--phase-succeeded)';
    case 'Failed':
      return 'var(--phase-failed)';
    case 'MatchedWithoutSubmit':
      return 'var(--phase-running)';
    default:
      return 'var(--phase-pending)';
  }
}
