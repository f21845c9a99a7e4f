// The HTTP client: same-origin fetch (the browser sends the HttpOnly authorization cookie),
// Argo's error shape, and a jump to the login page on 401.
import { navigate, currentPath } from '../router/router';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Sends the user to the login page, remembering where they were going. */
export function requireLogin(): void {
  const here = currentPath();
  if (here.startsWith('/login')) return;
  navigate('/login?redirect=' + encodeURIComponent(here), true);
}

async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { code?: number; message?: string };
    return new ApiError(res.status, body.code, body.message || res.statusText);
  } catch {
    return new ApiError(res.status, undefined, text.trim() || `${res.status} ${res.statusText}`);
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, undefined, `cannot reach the server: ${String(e)}`);
  }
  if (res.status === 401) {
    requireLogin();
    throw await errorOf(res);
  }
  if (!res.ok) throw await errorOf(res);
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as T;
}

export const get = <T>(path: string) => request<T>('GET', path);
export const put = <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {});
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});
export const del = <T>(path: string) => request<T>('DELETE', path);

export const enc = encodeURIComponent;
