// ANSI SGR colours (ESC [ ... m) split into styled segments: 0 reset, 1 bold, 22 normal, 3 italic,
// 4 underline, 30-37/90-97 and 40-47/100-107 colours, 39/49 defaults, 38;5;n / 48;5;n (256 colours),
// 38;2;r;g;b / 48;2;r;g;b (true colour). Other escape sequences are dropped. The result is rendered
// as text nodes in spans: log text never becomes HTML.

export interface Style {
  fg?: string;
  bg?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface Segment {
  text: string;
  style: Style;
}

/** The 16 basic colours (xterm's defaults), normal then bright. */
export const BASIC = [
  '#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
  '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff',
];

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** xterm's 256-colour palette: 16 basic, a 6×6×6 cube, 24 greys. */
export function color256(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 16) return BASIC[n];
  if (n < 232) {
    const i = n - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return '#' + hex(level(Math.floor(i / 36))) + hex(level(Math.floor(i / 6) % 6)) + hex(level(i % 6));
  }
  const g = 8 + (n - 232) * 10;
  return '#' + hex(g) + hex(g) + hex(g);
}

function rgb(r: number, g: number, b: number): string | undefined {
  if ([r, g, b].some((v) => !Number.isInteger(v) || v < 0 || v > 255)) return undefined;
  return '#' + hex(r) + hex(g) + hex(b);
}

/** Applies one SGR parameter list to a style; returns the new style. */
export function applySgr(style: Style, params: number[]): Style {
  let s: Style = { ...style };
  if (params.length === 0) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === 0) s = {};
    else if (p === 1) s.bold = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 22) s.bold = false;
    else if (p === 23) s.italic = false;
    else if (p === 24) s.underline = false;
    else if (p >= 30 && p <= 37) s.fg = BASIC[p - 30];
    else if (p >= 90 && p <= 97) s.fg = BASIC[p - 90 + 8];
    else if (p >= 40 && p <= 47) s.bg = BASIC[p - 40];
    else if (p >= 100 && p <= 107) s.bg = BASIC[p - 100 + 8];
    else if (p === 39) delete s.fg;
    else if (p === 49) delete s.bg;
    else if (p === 38 || p === 48) {
      let c: string | undefined;
      if (params[i + 1] === 5) {
        c = color256(params[i + 2]);
        i += 2;
      } else if (params[i + 1] === 2) {
        c = rgb(params[i + 2], params[i + 3], params[i + 4]);
        i += 4;
      } else {
        break; // malformed: ignore the rest of this sequence
      }
      if (c) {
        if (p === 38) s.fg = c;
        else s.bg = c;
      }
    }
  }
  return s;
}

// CSI sequences (ESC [ params final-byte) and other two-byte escapes.
const ESCAPE = /\x1b\[([0-9;:]*)([@-~])|\x1b[@-Z\\-_]/g;

/** Splits a line into styled segments, starting from `initial` (styles carry over lines). */
export function parseAnsi(line: string, initial: Style = {}): { segments: Segment[]; end: Style } {
  const segments: Segment[] = [];
  let style = initial;
  let last = 0;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(line); m; m = ESCAPE.exec(line)) {
    if (m.index > last) segments.push({ text: line.slice(last, m.index), style });
    last = m.index + m[0].length;
    if (m[2] === 'm') {
      const params = m[1] === '' ? [] : m[1].split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
      style = applySgr(style, params);
    }
  }
  if (last < line.length) segments.push({ text: line.slice(last), style });
  return { segments, end: style };
}

/** The line without escape sequences (for grep-free search and copying). */
export function stripAnsi(line: string): string {
  return line.replace(ESCAPE, '');
}
