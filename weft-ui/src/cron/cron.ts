// A 5-field cron evaluator (minute hour day-of-month month day-of-week), as Argo's controller reads
// schedules (robfig/cron): *, ?, lists, ranges, steps, month and weekday names, 7 as Sunday, the
// @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly macros and a CRON_TZ=/TZ= prefix.
// Day-of-month and day-of-week: when both are restricted a day matching either runs, else both must.
// Times are wall-clock times in the schedule's IANA timezone, found with Intl.DateTimeFormat.

export interface Schedule {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  dayStar: boolean;
  weekdayStar: boolean;
  timezone?: string;
}

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function value(text: string, names: string[] | undefined, offset: number, field: string): number {
  const i = names ? names.indexOf(text.toLowerCase()) : -1;
  if (i >= 0) return i + offset;
  if (!/^\d+$/.test(text)) throw new Error(`${field}: "${text}" is not a number`);
  return Number(text);
}

function parseField(text: string, min: number, max: number, field: string, names?: string[], offset = 0): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`${field}: bad step in "${part}"`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = min;
      hi = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = value(a, names, offset, field);
      hi = value(b, names, offset, field);
    } else {
      lo = value(range, names, offset, field);
      hi = stepText === undefined ? lo : max;
    }
    if (lo < min || hi > max || lo > hi) throw new Error(`${field}: "${part}" is outside ${min}-${max}`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

export function parseSchedule(text: string, timezone?: string): Schedule {
  let spec = text.trim();
  const tz = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(spec);
  if (tz) {
    timezone = tz[1];
    spec = tz[2];
  }
  spec = MACROS[spec.toLowerCase()] ?? spec;
  const f = spec.split(/\s+/);
  if (f.length !== 5) throw new Error(`"${text}": expected 5 fields (minute hour day month weekday)`);
  const weekdays = parseField(f[4], 0, 7, 'day of week', WEEKDAYS);
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minutes: parseField(f[0], 0, 59, 'minute'),
    hours: parseField(f[1], 0, 23, 'hour'),
    days: parseField(f[2], 1, 31, 'day of month'),
    months: parseField(f[3], 1, 12, 'month', MONTHS, 1),
    weekdays,
    dayStar: f[2] === '*' || f[2] === '?',
    weekdayStar: f[4] === '*' || f[4] === '?',
    timezone,
  };
}

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock time of an instant in a timezone. */
export function wallTime(ms: number, tz: string): Wall {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, mo: p.month, d: p.day, h: p.hour % 24, mi: p.minute };
}

const wallMs = (w: Wall) => Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);
const sameWall = (a: Wall, b: Wall) => a.y === b.y && a.mo === b.mo && a.d === b.d && a.h === b.h && a.mi === b.mi;

/** The instant a wall-clock time names in a timezone, or undefined in a DST gap. */
export function fromWall(w: Wall, tz: string): number | undefined {
  const naive = wallMs(w);
  let guess = naive;
  for (let i = 0; i < 3; i++) {
    const offset = wallMs(wallTime(guess, tz)) - Math.floor(guess / 60000) * 60000;
    guess = naive - offset;
  }
  return sameWall(wallTime(guess, tz), w) ? guess : undefined;
}

function dayMatches(s: Schedule, w: Wall): boolean {
  const weekday = new Date(Date.UTC(w.y, w.mo - 1, w.d)).getUTCDay();
  const dom = s.days.has(w.d);
  const dow = s.weekdays.has(weekday);
  if (s.dayStar || s.weekdayStar) return dom && dow;
  return dom || dow;
}

function normalise(ms: number): Wall {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes() };
}

/** The first run strictly after `after` (ms since the epoch), within five years. */
export function nextRun(s: Schedule, after: number, defaultTz: string): number | undefined {
  const tz = s.timezone || defaultTz;
  let w = wallTime(after, tz);
  w = normalise(wallMs(w) + 60000);
  const limit = w.y + 5;
  while (w.y <= limit) {
    if (!s.months.has(w.mo)) {
      w = normalise(Date.UTC(w.y, w.mo, 1));
    } else if (!dayMatches(s, w)) {
      w = normalise(Date.UTC(w.y, w.mo - 1, w.d + 1));
    } else if (!s.hours.has(w.h)) {
      w = normalise(Date.UTC(w.y, w.mo - 1, w.d, w.h + 1));
    } else if (!s.minutes.has(w.mi)) {
      w = normalise(wallMs(w) + 60000);
    } else {
      const at = fromWall(w, tz);
      if (at !== undefined && at > after) return at;
      w = normalise(wallMs(w) + 60000);
    }
  }
  return undefined;
}

/** The next `count` runs of one or more schedules (Argo's `schedules`), merged and in order. */
export function nextRuns(schedules: string[], timezone: string | undefined, from: number, count: number): number[] {
  const tz = timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const runs = new Set<number>();
  for (const text of schedules) {
    const s = parseSchedule(text, timezone);
    let t = from;
    for (let i = 0; i < count; i++) {
      const n = nextRun(s, t, tz);
      if (n === undefined) break;
      runs.add(n);
      t = n;
    }
  }
  return [...runs].sort((a, b) => a - b).slice(0, count);
}

/** A run shown in the schedule's timezone, "2026-12-07 09:00 (America/Los_Angeles)". */
export function formatInZone(ms: number, tz: string): string {
  const w = wallTime(ms, tz);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${p(w.mo)}-${p(w.d)} ${p(w.h)}:${p(w.mi)}`;
}
