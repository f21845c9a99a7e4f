import { describe, expect, it } from 'vitest';
import { filterFromQuery, filterToQuery, LIST_FIELDS, listUrl, matchesFilter, nameMatches, watchUrl, type WorkflowFilter } from './listQuery';

const empty: WorkflowFilter = filterFromQuery(new URLSearchParams());

function toSearch(f: WorkflowFilter): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filterToQuery(f))) {
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else if (v !== undefined) q.set(k, v);
  }
  return q;
}

describe('filters in the URL', () => {
  it('round-trips every filter through the query', () => {
    const f: WorkflowFilter = { namespace: 'ns', phases: ['Failed', 'Error'], labels: ['a=b', 'c=d'], name: 'x', nameMode: 'Prefix', createdFrom: '2026-12-01', createdTo: '2026-12-06', continueToken: 'tok' };
    expect(filterFromQuery(toSearch(f))).toEqual(f);
  });

  it('leaves defaults out of the URL', () => {
    expect(toSearch(empty).toString()).toBe('');
  });

  it('falls back to Contains for an unknown name mode', () => {
    expect(filterFromQuery(new URLSearchParams('nameMode=Bogus')).nameMode).toBe('Contains');
  });
});

describe('list query', () => {
  it('asks only for the fields the list shows', () => {
    const q = new URL(listUrl(empty), 'http://x').searchParams;
    expect(q.get('fields')).toBe(LIST_FIELDS.join(','));
    expect(q.get('fields')).toContain('items.status.phase');
    expect(q.get('listOptions.limit')).toBe('50');
  });

  it('turns phases and labels into one label selector, as Argo does', () => {
    const url = listUrl({ ...empty, namespace: 'ns', phases: ['Failed'], labels: ['team=a'] });
    const q = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/api/v1/workflows/ns?')).toBe(true);
    expect(q.get('listOptions.labelSelector')).toBe('workflows.argoproj.io/phase in (Failed),team=a');
  });

  it('sends the name filter as a field selector and a mode', () => {
    const q = new URL(listUrl({ ...empty, name: 'abc', nameMode: 'Prefix' }), 'http://x').searchParams;
    expect(q.get('listOptions.fieldSelector')).toBe('metadata.name=abc');
    expect(q.get('nameFilter')).toBe('Prefix');
  });

  it('pages with the continue token', () => {
    const q = new URL(listUrl({ ...empty, continueToken: 'next' }), 'http://x').searchParams;
    expect(q.get('listOptions.continue')).toBe('next');
  });

  it('watches from the list resource version with result.object fields', () => {
    const q = new URL(watchUrl(empty, '42'), 'http://x').searchParams;
    expect(q.get('listOptions.resourceVersion')).toBe('42');
    expect(q.get('fields')).toContain('result.object.status.phase');
    expect(q.get('fields')).toContain('result.type');
  });
});

describe('matching a watched workflow', () => {
  it('applies each name mode', () => {
    expect(nameMatches('build-1', 'ild', 'Contains')).toBe(true);
    expect(nameMatches('build-1', 'build', 'Prefix')).toBe(true);
    expect(nameMatches('build-1', 'build', 'Exact')).toBe(false);
    expect(nameMatches('build-1', 'build-1', 'NotEquals')).toBe(false);
  });

  it('keeps out workflows of other phases', () => {
    const wf = { metadata: { name: 'a' }, status: { phase: 'Succeeded' } };
    expect(matchesFilter(wf, { ...empty, phases: ['Failed'] })).toBe(false);
    expect(matchesFilter(wf, { ...empty, phases: ['Succeeded'] })).toBe(true);
  });
});
