import type { Parameter } from '../../api/types';
import type { RetryOptions } from '../../api/workflows';

export interface RetryState {
  override: boolean;
  values: Record<string, string>;
  restartSuccessful: boolean;
  nodeFieldSelector: string;
}

export function initialRetry(params: Parameter[]): RetryState {
  const values: Record<string, string> = {};
  for (const p of params) values[p.name] = p.value ?? p.default ?? '';
  return { override: false, values, restartSuccessful: false, nodeFieldSelector: '' };
}

/** The request body Argo's retry takes. */
export function retryOptions(s: RetryState): RetryOptions {
  const opts: RetryOptions = {};
  if (s.override) opts.parameters = Object.entries(s.values).map(([k, v]) => `${k}=${v}`);
  if (s.restartSuccessful) {
    opts.restartSuccessful = true;
    if (s.nodeFieldSelector.trim()) opts.nodeFieldSelector = s.nodeFieldSelector.trim();
  }
  return opts;
}

interface Props {
  params: Parameter[];
  state: RetryState;
  onChange: (s: RetryState) => void;
}

/** Argo's retry panel: override parameters, and restart successful nodes matching a node field selector. */
export function RetryForm({ params, state, onChange }: Props) {
  const set = (patch: Partial<RetryState>) => onChange({ ...state, ...patch });
  return (
    <div class="form" data-testid="retry-form">
      {params.length > 0 && (
        <label class="check">
          <input type="checkbox" data-testid="retry-override" checked={state.override} onChange={() => set({ override: !state.override })} />
          Override parameters
        </label>
      )}
      {state.override &&
        params.map((p) => (
          <label key={p.name}>
            {p.name}
            <input
              data-testid={'retry-param-' + p.name}
              value={state.values[p.name] ?? ''}
              onInput={(e) => set({ values: { ...state.values, [p.name]: (e.target as HTMLInputElement).value } })}
            />
          </label>
        ))}
      <label class="check">
        <input type="checkbox" data-testid="retry-restart-successful" checked={state.restartSuccessful} onChange={() => set({ restartSuccessful: !state.restartSuccessful })} />
        Restart successful nodes matching the selector
      </label>
      {state.restartSuccessful && (
        <label>
          Node field selector
          <input
            data-testid="retry-node-selector"
            placeholder="templateName=build,phase=Succeeded"
            value={state.nodeFieldSelector}
            onInput={(e) => set({ nodeFieldSelector: (e.target as HTMLInputElement).value })}
          />
        </label>
      )}
    </div>
  );
}
