import { formatInZone, nextRuns } from '../../cron/cron';
import type { CronWorkflowSpec } from '../../api/types';

/** The next runs, computed here, in the cron's timezone. */
export function NextRuns({ spec, count = 5 }: { spec: CronWorkflowSpec; count?: number }) {
  const schedules = spec.schedules?.length ? spec.schedules : spec.schedule ? [spec.schedule] : [];
  const tz = spec.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  let runs: number[] = [];
  let error = '';
  try {
    runs = nextRuns(schedules, spec.timezone || undefined, Date.now(), count);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (error) return <p class="error">{error}</p>;
  return (
    <ol class="next-runs" data-testid="cron-next-runs">
      {runs.map((r) => (
        <li key={r} data-testid="cron-next-run" data-value={new Date(r).toISOString()} title={new Date(r).toISOString()}>
          {formatInZone(r, tz)} <span class="muted small">{tz}</span>
        </li>
      ))}
    </ol>
  );
}
