// YAML → a JSON request body whose every key and value sits on the line it had in the YAML, so the
// server's findings ("body:LINE:COL: error: ...") point at the user's YAML lines. JSON allows
// newlines between any tokens; YAML's source order only moves forward, so padding always works.
import type { YamlModule } from '../util/yaml';

type Node = unknown;

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** `{"<field>": <the YAML document as JSON>}`, line-aligned with `text`. */
export function lineAlignedBody(yaml: YamlModule, text: string, field: string): string {
  const counter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line;
    throw new YamlSyntaxError(e.message.split('\n')[0], line);
  }
  let out = `{${JSON.stringify(field)}:`;
  let line = 1;
  const moveTo = (offset: number | undefined) => {
    if (offset === undefined) return;
    const target = counter.linePos(offset).line;
    while (line < target) {
      out += '\n';
      line++;
    }
  };
  const emit = (node: Node) => {
    if (yaml.isMap(node)) {
      moveTo(node.range?.[0]);
      out += '{';
      node.items.forEach((pair, i) => {
        if (i > 0) out += ',';
        const key = yaml.isScalar(pair.key) ? pair.key : undefined;
        moveTo(key?.range?.[0]);
        out += JSON.stringify(String(key ? key.value : pair.key)) + ':';
        emit(pair.value);
      });
      out += '}';
    } else if (yaml.isSeq(node)) {
      moveTo(node.range?.[0]);
      out += '[';
      node.items.forEach((item, i) => {
        if (i > 0) out += ',';
        emit(item);
      });
      out += ']';
    } else if (yaml.isScalar(node)) {
      moveTo(node.range?.[0]);
      out += JSON.stringify(node.toJSON() ?? null);
    } else if (yaml.isAlias(node)) {
      moveTo(node.range?.[0]);
      out += JSON.stringify(node.resolve(doc)?.toJSON() ?? null);
    } else {
      out += 'null';
    }
  };
  emit(doc.contents);
  return out + '}';
}

export interface Finding {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

const LOCATED = /^body:(\d+):(\d+): (error|warning): (.*)$/;

/** The findings in an API error message; lines without a location are kept at line 0. */
export function parseFindings(message: string): Finding[] {
  return message
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = LOCATED.exec(l.trim());
      if (!m) return { line: 0, column: 0, severity: 'error' as const, message: l.trim() };
      return { line: Number(m[1]), column: Number(m[2]), severity: m[3] as 'error' | 'warning', message: m[4] };
    });
}
