// Where the login page goes once the token is accepted: the `redirect` it was given, if that stays
// on this server. A prefix test is not enough: URL parsing turns `/\evil.example` and
// `/\t/evil.example` into `//evil.example`, which history.replaceState refuses with an error.

const HOME = '/workflows';
const HERE = 'http://weft.invalid';

export function loginTarget(redirect: string | null): string {
  if (!redirect || !redirect.startsWith('/')) return HOME;
  let url: URL;
  try {
    url = new URL(redirect, HERE);
  } catch {
    return HOME;
  }
  if (url.origin !== HERE || url.pathname.startsWith('/login')) return HOME;
  return url.pathname + url.search + url.hash;
}
