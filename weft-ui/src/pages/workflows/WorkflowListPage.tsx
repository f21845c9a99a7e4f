import { useState } from 'preact/hooks';
import { filterFromQuery, filterToQuery, type WorkflowFilter } from '../../api/listQuery';
import { ErrorBox, Loading } from '../../components/Status';
import { useNow } from '../../components/useNow';
import { location, navigate, withQuery } from '../../router/router';
import { paths } from '../../router/routes';
import { ListFilters } from './ListFilters';
import { useWorkflowList } from './useWorkflowList';
import { WorkflowRow } from './WorkflowRow';

export function WorkflowListPage() {
  const filter = filterFromQuery(location.value.query);
  const [reloadKey] = useState(0);
  const [history, setHistory] = useState<string[]>([]);
  const list = useWorkflowList(filter, reloadKey);
  const now = useNow(1000);
  const apply = (f: WorkflowFilter) => withQuery(filterToQuery(f), false);
  const next = () => {
    setHistory([...history, filter.continueToken]);
    apply({ ...filter, continueToken: list.nextToken ?? '' });
  };
  const previous = () => {
    const back = history[history.length - 1] ?? '';
    setHistory(history.slice(0, -1));
    apply({ ...filter, continueToken: back });
  };
  return (
    <div class="page">
      <div class="page-head">
        <h1>Workflows</h1>
        <button class="primary" onClick={() => navigate(paths.submit())}>
          Submit…
        </button>
      </div>
      <ListFilters filter={filter} onChange={apply} />
      <ErrorBox error={list.error} />
      {list.loading && list.items.length === 0 ? (
        <Loading what="workflows" />
      ) : (
        <table class="table" data-testid="workflow-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Namespace</th>
              <th>Phase</th>
              <th>Started</th>
              <th>Finished</th>
              <th>Duration</th>
              <th>Progress</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((wf) => (
              <WorkflowRow key={wf.metadata.namespace + '/' + wf.metadata.name} wf={wf} now={now} />
            ))}
            {list.items.length === 0 && (
              <tr>
                <td colSpan={8} class="muted" data-testid="empty">
                  No workflows match.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <div class="pager">
        <button data-testid="page-previous" disabled={!filter.continueToken} onClick={previous}>
          ← Previous
        </button>
        <button data-testid="page-next" disabled={!list.nextToken} onClick={next}>
          Next →
        </button>
      </div>
    </div>
  );
}
