// A tiny history-API router: the current location is a signal; links and code call navigate().
import { signal } from '@preact/signals';

export interface Location {
  path: string;
  query: URLSearchParams;
}

function read(): Location {
  if (typeof window === 'undefined') return { path: '/', query: new URLSearchParams() };
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export const location = signal<Location>(read());

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    location.value = read();
  });
}

export function currentPath(): string {
  return typeof window === 'undefined' ? '/' : window.location.pathname + window.location.search;
}

/** Goes to `to` (a path with an optional query); `replace` keeps the history entry. */
export function navigate(to: string, replace = false): void {
  if (to === currentPath()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  location.value = read();
}

/** The current path with some query parameters set (empty or undefined values removed). */
export function withQuery(changes: Record<string, string | string[] | undefined>, replace = true): void {
  const q = new URLSearchParams(location.value.query);
  for (const [k, v] of Object.entries(changes)) {
    q.delete(k);
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else if (v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  navigate(location.value.path + (s ? '?' + s : ''), replace);
}
