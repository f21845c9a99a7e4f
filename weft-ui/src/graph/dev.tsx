// Dev-only entry (see dev.html): loads one workflow, polls it every second, shows the selection.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { WorkflowGraph } from './WorkflowGraph';

function Dev() {
  const params = new URLSearchParams(location.search);
  const ns = params.get('ns') ?? 'default';
  const name = params.get('name') ?? '';
  const [wf, setWf] = useState<any>(null);
  const [selected, setSelected] = useState<string | undefined>(params.get('node') ?? undefined);
  useEffect(() => {
    let stop = false;
    const load = async () => {
      const res = await fetch(`/api/v1/workflows/${encodeURIComponent(ns)}/${encodeURIComponent(name)}`);
      if (res.ok && !stop) setWf(await res.json());
      if (!stop) setTimeout(load, 1000);
    };
    load();
    return () => {
      stop = true;
    };
  }, []);
  return (
    <>
      <div data-testid="dev-selected" style={{ padding: '4px' }}>
        {name} {wf?.status?.phase ?? ''} selected: {selected ?? '-'}
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>{wf && <WorkflowGraph workflow={wf} selectedNodeId={selected} onSelectNode={setSelected} />}</div>
    </>
  );
}

render(<Dev />, document.getElementById('app')!);
