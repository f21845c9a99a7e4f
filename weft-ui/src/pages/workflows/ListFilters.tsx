import { useState } from 'preact/hooks';
import { NAME_MODES, splitLabels, type NameMode, type WorkflowFilter } from '../../api/listQuery';
import { WORKFLOW_PHASES } from '../../util/phases';

interface Props {
  filter: WorkflowFilter;
  onChange: (f: WorkflowFilter) => void;
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** Namespace, phases, labels, name and dates; text fields apply on Enter or when left. */
export function ListFilters({ filter, onChange }: Props) {
  const [labels, setLabels] = useState(filter.labels.join(','));
  const [name, setName] = useState(filter.name);
  const [namespace, setNamespace] = useState(filter.namespace);
  const set = (patch: Partial<WorkflowFilter>) => onChange({ ...filter, ...patch, continueToken: '' });
  const onKey = (apply: () => void) => (e: KeyboardEvent) => e.key === 'Enter' && apply();
  const applyLabels = () => set({ labels: splitLabels(labels) });
  const applyName = () => set({ name: name.trim() });
  const applyNamespace = () => set({ namespace: namespace.trim() });
  const togglePhase = (p: string) =>
    set({ phases: filter.phases.includes(p) ? filter.phases.filter((x) => x !== p) : [...filter.phases, p] });
  return (
    <div class="filters card" data-testid="filters">
      <label>
        Namespace
        <input data-testid="namespace-filter" placeholder="all" value={namespace} onInput={(e) => setNamespace(value(e))} onBlur={applyNamespace} onKeyDown={onKey(applyNamespace)} />
      </label>
      <fieldset class="phases">
        <legend>Phase</legend>
        {WORKFLOW_PHASES.map((p) => (
          <label key={p} class="check">
            <input type="checkbox" data-testid={'phase-filter-' + p} checked={filter.phases.includes(p)} onChange={() => togglePhase(p)} />
            {p}
          </label>
        ))}
      </fieldset>
      <label>
        Labels
        <input data-testid="label-filter" placeholder="key=value,key2=value2" value={labels} onInput={(e) => setLabels(value(e))} onBlur={applyLabels} onKeyDown={onKey(applyLabels)} />
      </label>
      <label>
        Name
        <span class="row">
          <select data-testid="name-filter-mode" value={filter.nameMode} onChange={(e) => set({ nameMode: value(e) as NameMode })}>
            {NAME_MODES.map((m) => (
              <option key={m} value={m}>
                {m === 'NotEquals' ? 'Not equals' : m}
              </option>
            ))}
          </select>
          <input data-testid="name-filter" value={name} onInput={(e) => setName(value(e))} onBlur={applyName} onKeyDown={onKey(applyName)} />
        </span>
      </label>
      <label>
        Created from
        <input type="date" data-testid="created-from" value={filter.createdFrom} onChange={(e) => set({ createdFrom: value(e) })} />
      </label>
      <label>
        to
        <input type="date" data-testid="created-to" value={filter.createdTo} onChange={(e) => set({ createdTo: value(e) })} />
      </label>
    </div>
  );
}
