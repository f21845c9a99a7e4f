import type { BindingResult } from '../../api/events';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ResultBadge } from './ResultBadge';

/** Each binding the last dispatch evaluated: its result, the workflow it started, and why. */
export function BindingTable({ namespace, bindings }: { namespace: string; bindings: BindingResult[] }) {
  if (bindings.length === 0) return <p class="muted">No binding evaluated yet.</p>;
  return (
    <table class="table" data-testid="event-bindings">
      <thead>
        <tr>
          <th>Binding</th>
          <th>Result</th>
          <th>Workflow</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {bindings.map((b) => (
          <tr key={b.name} data-testid="binding-row" data-name={b.name} data-result={b.result}>
            <td class="mono">{b.name}</td>
            <td><ResultBadge result={b.result} /></td>
            <td>{b.workflow ? <Link href={paths.workflow(namespace, b.workflow)}>{b.workflow}</Link> : <span class="muted">-</span>}</td>
            <td class="pre" data-testid="binding-message">{b.message ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
