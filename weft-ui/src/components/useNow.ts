import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `ms` (for durations of running things). */
export function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
