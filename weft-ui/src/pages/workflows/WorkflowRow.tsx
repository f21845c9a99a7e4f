import type { Workflow } from '../../api/types';
import { PhaseBadge } from '../../components/PhaseBadge';
import { Time } from '../../components/Time';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { elapsed, formatDuration } from '../../util/time';

export function WorkflowRow({ wf, now }: { wf: Workflow; now: number }) {
  const ns = wf.metadata.namespace ?? 'default';
  const name = wf.metadata.name ?? '';
  const phase = wf.status?.phase || 'Pending';
  const s = wf.status ?? {};
  return (
    <tr data-testid="workflow-row" data-name={name} data-phase={phase}>
      <td>
        <Link href={paths.workflow(ns, name)}>{name}</Link>
      </td>
      <td>{ns}</td>
      <td>
        <PhaseBadge phase={wf.spec?.suspend && phase === 'Running' ? 'Running' : phase} />
        {wf.spec?.suspend && <span class="muted small"> suspended</span>}
      </td>
      <td>
        <Time value={s.startedAt ?? wf.metadata.creationTimestamp} />
      </td>
      <td>
        <Time value={s.finishedAt} />
      </td>
      <td>{formatDuration(elapsed(s.startedAt, s.finishedAt, now))}</td>
      <td>{s.progress ?? ''}</td>
      <td class="message" title={s.message}>
        {s.message ?? ''}
      </td>
    </tr>
  );
}
