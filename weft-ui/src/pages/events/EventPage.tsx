import { useState } from 'preact/hooks';
import { events, type EventAnswer } from '../../api/events';
import { ErrorBox, Loading } from '../../components/Status';
import { Time } from '../../components/Time';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { useLoad } from '../resources/useResource';
import { BindingTable } from './BindingTable';
import { deliveryPhase, headerRows, matchedSummary, prettyPayload } from './delivery';
import { ResultBadge } from './ResultBadge';

/** What the last redelivery did, in words. */
function Redelivered({ answer }: { answer: EventAnswer }) {
  const started = answer.workflows ?? [];
  return (
    <p class="ok" data-testid="redeliver-result">
      Redelivered{started.length ? ': ' + started.join(', ') : '; no workflow started'}.
    </p>
  );
}

/**
 * One delivery: when and from whom it came, the headers and payload the selectors saw, each
 * binding's result and why, the workflows it started, and Redeliver. Every string here came from
 * the sender; it is only ever rendered as text.
 */
export function EventPage({ namespace, name }: { namespace: string; name: string }) {
  const delivery = useLoad(() => events.get(namespace, name), namespace + '/' + name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [answer, setAnswer] = useState<EventAnswer>();
  const d = delivery.value;
  const redeliver = async () => {
    setBusy(true);
    setError(undefined);
    setAnswer(undefined);
    try {
      setAnswer(await events.redeliver(namespace, name));
      delivery.reload();
    } catch (e) {
      setError(e);
      delivery.reload();
    } finally {
      setBusy(false);
    }
  };
  const headers = headerRows(d?.spec?.metadata);
  const workflows = d?.status?.workflows ?? [];
  return (
    <div class="page">
      <div class="page-head">
        <h1>
          <Link href={paths.events(namespace)} class="muted">Events</Link> / <span class="mono">{name}</span>
        </h1>
        <div class="actions">
          <button class="primary" data-testid="redeliver" disabled={!d || busy} onClick={redeliver}>
            {busy ? 'Redelivering…' : 'Redeliver'}
          </button>
        </div>
      </div>
      <ErrorBox error={delivery.error ?? error} />
      {answer && <Redelivered answer={answer} />}
      {!d && !delivery.error && <Loading what={name} />}
      {d && (
        <>
          <section class="card summary" data-testid="event-summary">
            <dl class="facts">
              <div><dt>Received</dt><dd><Time value={d.spec?.receivedAt} testid="event-received" /></dd></div>
              <div><dt>Client</dt><dd data-testid="event-client">{d.spec?.client || 'none (bearer token)'}</dd></div>
              <div><dt>Discriminator</dt><dd class="mono" data-testid="event-discriminator">{d.spec?.discriminator || '-'}</dd></div>
              <div><dt>Phase</dt><dd><ResultBadge result={deliveryPhase(d)} testid="event-phase" /></dd></div>
              <div><dt>Matched</dt><dd>{matchedSummary(d.status?.bindings)}</dd></div>
              <div><dt>Attempts</dt><dd>{d.status?.attempts ?? 0}</dd></div>
              <div><dt>Last dispatched</dt><dd><Time value={d.status?.dispatchedAt} /></dd></div>
            </dl>
            {d.spec?.dedupKey && (
              <p class="small muted">Deduplicated by <span class="mono">{d.spec.dedupKey}</span></p>
            )}
          </section>
          <section class="card">
            <h4>Bindings</h4>
            <BindingTable namespace={namespace} bindings={d.status?.bindings ?? []} />
          </section>
          <section class="card">
            <h4>Workflows started</h4>
            {workflows.length === 0 ? (
              <p class="muted">None.</p>
            ) : (
              <ul class="plain" data-testid="event-workflows">
                {workflows.map((w) => (
                  <li key={w}><Link href={paths.workflow(namespace, w)}>{w}</Link></li>
                ))}
              </ul>
            )}
          </section>
          <section class="card">
            <h4>Headers (metadata)</h4>
            {headers.length === 0 ? (
              <p class="muted">No x- headers.</p>
            ) : (
              <table class="kv" data-testid="event-headers">
                <tbody>
                  {headers.map(([k, v]) => (
                    <tr key={k}><th class="mono">{k}</th><td class="mono">{v}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
            <h4>Payload</h4>
            <pre class="yaml" data-testid="event-payload">{prettyPayload(d.spec?.payload)}</pre>
          </section>
        </>
      )}
    </div>
  );
}
