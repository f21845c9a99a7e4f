import { describe, expect, it } from 'vitest';
import { formatForDownload, logUrl, splitTimestamp } from './logLines';

describe('formatForDownload', () => {
  it('prints each line as weft logs does: "pod: content" and a newline', () => {
    expect(formatForDownload([{ podName: 'p1', content: 'a' }, { podName: 'p2', content: '' }])).toBe('p1: a\np2: \n');
  });

  it('keeps escape sequences and spaces verbatim', () => {
    expect(formatForDownload([{ podName: 'p', content: '  \x1b[31mx ' }])).toBe('p:   \x1b[31mx \n');
  });
});

describe('splitTimestamp', () => {
  it('splits a leading RFC3339 time', () => {
    expect(splitTimestamp('2026-12-06T11:48:49.01Z hello')).toEqual({ time: '2026-12-06T11:48:49.01Z', text: 'hello' });
  });

  it('leaves a line without one alone', () => {
    expect(splitTimestamp('hello')).toEqual({ text: 'hello' });
  });
});

describe('logUrl', () => {
  it('uses Argo query names', () => {
    const url = logUrl('ns', 'wf', { podName: 'pod-1', grep: 'a+b', follow: true });
    expect(url).toBe('/api/v1/workflows/ns/wf/log?logOptions.container=main&logOptions.follow=true&podName=pod-1&grep=a%2Bb');
  });
});
