import type { Artifact, IO } from '../../api/types';
import { artifactUrl } from '../../api/workflows';
import { ArtifactDigest } from './ArtifactDigest';

interface Props {
  io?: IO;
  kind: 'inputs' | 'outputs';
  ns: string;
  workflow: string;
  nodeId: string;
}

function digestOf(a: Artifact): string | undefined {
  const d = a.digest ?? a.sha256;
  if (typeof d !== 'string' || !d) return undefined;
  return d.startsWith('sha256:') ? d.slice('sha256:'.length) : d;
}

/** A node's input or output parameters and artifacts. */
export function IoTables({ io, kind, ns, workflow, nodeId }: Props) {
  const params = io?.parameters ?? [];
  const artifacts = io?.artifacts ?? [];
  const testid = kind === 'inputs' ? 'node-input-' : 'node-output-';
  if (params.length === 0 && artifacts.length === 0 && io?.result === undefined && io?.exitCode === undefined) return null;
  return (
    <section class="panel-section" data-testid={'node-' + kind}>
      <h4>{kind === 'inputs' ? 'Inputs' : 'Outputs'}</h4>
      <table class="kv">
        <tbody>
          {params.map((p) => (
            <tr key={'p-' + p.name}>
              <th>{p.name}</th>
              <td>
                <span class="pre" data-testid={testid + p.name}>{p.value ?? ''}</span>
              </td>
            </tr>
          ))}
          {io?.result !== undefined && (
            <tr>
              <th>result</th>
              <td><span class="pre" data-testid={testid + 'result'}>{io.result}</span></td>
            </tr>
          )}
          {io?.exitCode !== undefined && (
            <tr>
              <th>exit code</th>
              <td data-testid={testid + 'exitCode'}>{io.exitCode}</td>
            </tr>
          )}
          {artifacts.map((a) => {
            const digest = digestOf(a);
            return (
              <tr key={'a-' + a.name}>
                <th>{a.name} <span class="muted small">artifact</span></th>
                <td>
                  <a href={artifactUrl(ns, workflow, nodeId, kind, a.name)} data-testid={'artifact-' + a.name} download>
                    download
                  </a>
                  {a.path && <span class="muted small"> {a.path}</span>}
                  <ArtifactDigest key={a.name} url={artifactUrl(ns, workflow, nodeId, kind, a.name)} name={a.name} known={digest} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
