import { parseAnsi, type Style } from './ansi';

interface Props {
  content: string;
  start?: Style;
  pod?: string;
  time?: string;
  top: number;
}

function css(s: Style): Record<string, string> | undefined {
  if (!s.fg && !s.bg && !s.bold && !s.italic && !s.underline) return undefined;
  const out: Record<string, string> = {};
  if (s.fg) out.color = s.fg;
  if (s.bg) out.background = s.bg;
  if (s.bold) out.fontWeight = 'bold';
  if (s.italic) out.fontStyle = 'italic';
  if (s.underline) out.textDecoration = 'underline';
  return out;
}

/** One log line: its ANSI colours as spans of text (never HTML). */
export function LogLine({ content, start, pod, time, top }: Props) {
  const { segments } = parseAnsi(content, start);
  return (
    <div class="log-line" data-testid="log-line" style={{ top: top + 'px' }}>
      {time && <span class="log-time" title={time}>{time} </span>}
      {pod && <span class="log-pod">{pod}: </span>}
      {segments.map((s, i) => (
        <span key={i} style={css(s.style)}>
          {s.text}
        </span>
      ))}
    </div>
  );
}
