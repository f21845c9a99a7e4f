import { events } from '../../api/events';
import { ErrorBox, Loading } from '../../components/Status';
import { Time } from '../../components/Time';
import { Link } from '../../router/Link';
import { location, withQuery } from '../../router/router';
import { paths } from '../../router/routes';
import { useLoad } from '../resources/useResource';
import { deliveryPhase, matchedSummary } from './delivery';
import { ResultBadge } from './ResultBadge';

/** A namespace's event deliveries, newest first as the server lists them. */
export function EventListPage() {
  const namespace = location.value.query.get('namespace') || 'default';
  const list = useLoad(() => events.list(namespace), namespace);
  const items = list.value?.items ?? [];
  return (
    <div class="page">
      <div class="page-head">
        <h1>Events</h1>
        <button data-testid="events-refresh" onClick={list.reload}>
          Refresh
        </button>
      </div>
      <div class="filters card">
        <label>
          Namespace
          <input
            data-testid="events-namespace"
            value={namespace}
            onChange={(e) => withQuery({ namespace: (e.target as HTMLInputElement).value.trim() || undefined })}
          />
        </label>
      </div>
      <ErrorBox error={list.error} />
      {!list.value && !list.error ? (
        <Loading what="event deliveries" />
      ) : (
        <table class="table" data-testid="event-list">
          <thead>
            <tr>
              <th>Delivery</th>
              <th>Received</th>
              <th>Client</th>
              <th>Discriminator</th>
              <th>Phase</th>
              <th>Matched</th>
              <th>Workflows</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => {
              const name = d.metadata.name ?? '';
              const ns = d.metadata.namespace ?? namespace;
              return (
                <tr key={name} data-testid="event-row" data-name={name}>
                  <td class="mono"><Link href={paths.event(ns, name)}>{name}</Link></td>
                  <td><Time value={d.spec?.receivedAt} /></td>
                  <td>{d.spec?.client || <span class="muted">token</span>}</td>
                  <td class="mono">{d.spec?.discriminator || <span class="muted">-</span>}</td>
                  <td><ResultBadge result={deliveryPhase(d)} /></td>
                  <td data-testid="event-matched">{matchedSummary(d.status?.bindings)}</td>
                  <td>
                    {(d.status?.workflows ?? []).map((w) => (
                      <div key={w}><Link href={paths.workflow(ns, w)}>{w}</Link></div>
                    ))}
                  </td>
                </tr>
              );
            })}
            {items.length === 0 && (
              <tr><td colSpan={7} class="muted">No events received in {namespace} yet.</td></tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
