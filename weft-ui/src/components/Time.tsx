import { localTime } from '../util/time';

/** A local time; the raw RFC3339 stays in data-value and title so tests can compare with the API. */
export function Time({ value, testid }: { value?: string; testid?: string }) {
  if (!value) return <span data-testid={testid} data-value="">-</span>;
  return (
    <time data-testid={testid} data-value={value} title={value} dateTime={value}>
      {localTime(value)}
    </time>
  );
}
