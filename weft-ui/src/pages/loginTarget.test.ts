import { describe, expect, it } from 'vitest';
import { loginTarget } from './loginTarget';

describe('loginTarget', () => {
  it('keeps a path of this server with its query', () => {
    expect(loginTarget('/workflows/ns/w?tab=logs')).toBe('/workflows/ns/w?tab=logs');
  });

  it('goes to the workflows without a redirect', () => {
    expect(loginTarget(null)).toBe('/workflows');
  });

  it.each(['//evil.example/x', '/\\evil.example/x', '/\t/evil.example', '/\n/evil.example', 'https://evil.example/', 'javascript:alert(1)'])(
    'never leaves the server for %j',
    (redirect) => {
      expect(loginTarget(redirect)).toBe('/workflows');
    },
  );

  it('never goes back to the login page', () => {
    expect(loginTarget('/login?redirect=/x')).toBe('/workflows');
  });
});
