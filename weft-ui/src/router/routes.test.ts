import { describe, expect, it } from 'vitest';
import { match, paths } from './routes';

describe('routes', () => {
  it('match the paths the links make', () => {
    expect(match(paths.workflow('ns', 'a b'))).toEqual({ page: 'workflow', namespace: 'ns', name: 'a b' });
    expect(match(paths.clusterTemplate('c'))).toEqual({ page: 'clusterTemplate', name: 'c' });
    expect(match(paths.history('cron-workflow', 'ns', 'c'))).toEqual({ page: 'history', kind: 'cron-workflow', namespace: 'ns', name: 'c' });
    expect(match('/')).toEqual({ page: 'workflows' });
  });

  it('match the event pages', () => {
    expect(match(paths.events())).toEqual({ page: 'events' });
    expect(paths.events('ci')).toBe('/events?namespace=ci');
    expect(match(paths.event('ci', 'ev-1'))).toEqual({ page: 'event', namespace: 'ci', name: 'ev-1' });
  });

  it('carry the tab and node in the query', () => {
    expect(paths.workflow('ns', 'w', 'logs', 'n1')).toBe('/workflows/ns/w?tab=logs&node=n1');
  });

  it('name unknown paths', () => {
    expect(match('/nope/x')).toEqual({ page: 'notFound', path: '/nope/x' });
  });
});
