import { useEffect, useState } from 'preact/hooks';

/** A value loaded once per key, with its error; `reload` fetches it again. */
export function useLoad<T>(load: () => Promise<T>, key: string): { value?: T; error?: unknown; reload: () => void; set: (v: T) => void } {
  const [value, setValue] = useState<T | undefined>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    load().then(
      (v) => live && setValue(v),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  return { value, error, reload: () => setTick(tick + 1), set: setValue };
}
