import { useEffect, useState } from 'preact/hooks';
import { enc } from '../../api/client';
import { openStream } from '../../api/stream';
import type { KubeEvent } from '../../api/types';
import { Time } from '../../components/Time';

/**
 * Argo streams each Event itself as the result; a server that wraps it as a watch event
 * ({type: ADDED, object: Event}) is read too.
 */
function unwrap(e: KubeEvent | { type?: string; object?: KubeEvent }): KubeEvent {
  return 'object' in e && e.object && typeof e.object === 'object' ? e.object : (e as KubeEvent);
}

/** The Kubernetes events about the workflow (Argo's /api/v1/stream/events). */
export function EventsTab({ ns, name }: { ns: string; name: string }) {
  const [events, setEvents] = useState<KubeEvent[]>([]);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    const q = new URLSearchParams({ 'listOptions.fieldSelector': 'involvedObject.kind=Workflow,involvedObject.name=' + name });
    const s = openStream<KubeEvent>(`/api/v1/stream/events/${enc(ns)}?${q}`, {
      reconnect: true,
      onMessage: (e) => setEvents((list) => [...list, unwrap(e)]),
      onError: () => setError('This server does not stream events.'),
    });
    return () => s.close();
  }, [ns, name]);
  if (error) return <p class="muted">{error}</p>;
  if (events.length === 0) return <p class="muted">No events yet.</p>;
  return (
    <table class="table" data-testid="events">
      <thead>
        <tr><th>Time</th><th>Type</th><th>Reason</th><th>Message</th></tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={i} data-testid="event-row">
            <td><Time value={e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp} /></td>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
