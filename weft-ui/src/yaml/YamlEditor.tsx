import { useRef, useState } from 'preact/hooks';
import type { Finding } from './lineJson';

const LINE = 18; // px, matches .editor textarea line-height

interface Props {
  value: string;
  onInput: (v: string) => void;
  findings: Finding[];
  testid?: string;
}

/** A textarea with line numbers; lines with findings are highlighted and carry their messages. */
export function YamlEditor({ value, onInput, findings, testid }: Props) {
  const [scroll, setScroll] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const count = Math.max(1, value.split('\n').length);
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) if (f.line > 0) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  return (
    <div class="editor">
      <div class="gutter" style={{ transform: `translateY(${-scroll}px)` }} aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <div key={i} class={byLine.has(i + 1) ? 'gutter-line bad' : 'gutter-line'} title={byLine.get(i + 1)?.map((f) => f.message).join('\n')}>
            {i + 1}
          </div>
        ))}
      </div>
      <div class="editor-marks" style={{ transform: `translateY(${-scroll}px)` }} aria-hidden="true">
        {[...byLine.keys()].map((line) => (
          <div key={line} class="mark" data-testid="lint-line" data-line={line} style={{ top: (line - 1) * LINE + 'px' }} />
        ))}
      </div>
      <textarea
        ref={area}
        spellcheck={false}
        data-testid={testid ?? 'yaml-input'}
        value={value}
        onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
        onScroll={(e) => setScroll((e.target as HTMLTextAreaElement).scrollTop)}
      />
    </div>
  );
}

/** The findings listed under the editor, each naming its line. */
export function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul class="findings" data-testid="lint-findings">
      {findings.map((f, i) => (
        <li key={i} class={f.severity} data-testid="lint-finding" data-line={f.line}>
          {f.line > 0 && <span class="mono">line {f.line}: </span>}
          {f.message}
        </li>
      ))}
    </ul>
  );
}
