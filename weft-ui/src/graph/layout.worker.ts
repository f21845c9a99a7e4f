// Lays big graphs out off the main thread (see layoutClient.ts).
import { layeredLayout, type LayoutInput } from './layout';

self.onmessage = (e: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const t0 = performance.now();
  const result = layeredLayout(e.data.input);
  const ms = performance.now() - t0;
  (self as unknown as Worker).postMessage({ id: e.data.id, result, ms }, [result.xs.buffer, result.ys.buffer]);
};
