import { describe, expect, it } from 'vitest';
import { deliveryPhase, headerRows, matchedSummary, prettyPayload } from './delivery';

describe('delivery', () => {
  it('counts matched bindings of those evaluated, failures apart', () => {
    expect(
      matchedSummary([
        { name: 'a', result: 'Submitted' },
        { name: 'b', result: 'NotMatched' },
        { name: 'c', result: 'MatchedWithoutSubmit' },
        { name: 'd', result: 'Failed' },
      ]),
    ).toBe('2/4 (1 failed)');
    expect(matchedSummary(undefined)).toBe('0/0');
  });

  it('is Pending until a status or the phase label says otherwise', () => {
    expect(deliveryPhase({ metadata: {} })).toBe('Pending');
    expect(deliveryPhase({ metadata: { labels: { 'events.weft.dev/phase': 'Dispatched' } } })).toBe('Dispatched');
    expect(deliveryPhase({ metadata: {}, status: { phase: 'Dispatched' } })).toBe('Dispatched');
  });

  it('indents any JSON payload, including none', () => {
    expect(prettyPayload({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyPayload('x')).toBe('"x"');
    expect(prettyPayload(null)).toBe('null');
    expect(prettyPayload(undefined)).toBe('null');
  });

  it('lists headers sorted, repeated values joined', () => {
    expect(headerRows({ 'x-b': ['1', '2'], 'x-a': ['push'] })).toEqual([
      ['x-a', 'push'],
      ['x-b', '1, 2'],
    ]);
  });
});
