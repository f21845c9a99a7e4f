import { describe, expect, it } from 'vitest';
import { nextRuns, parseSchedule } from './cron';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number[]) => ms.map((m) => new Date(m).toISOString());

describe('nextRuns', () => {
  it('steps every 15 minutes', () => {
    expect(iso(nextRuns(['*/15 * * * *'], 'UTC', at('2026-12-06T10:07:00Z'), 3))).toEqual([
      '2026-12-06T10:15:00.000Z',
      '2026-12-06T10:30:00.000Z',
      '2026-12-06T10:45:00.000Z',
    ]);
  });

  it('reads lists and ranges of weekdays', () => {
    // 2026-12-06 is a Sunday
    expect(iso(nextRuns(['0 9 * * 1-5'], 'UTC', at('2026-12-06T00:00:00Z'), 2))).toEqual(['2026-12-07T09:00:00.000Z', '2026-12-08T09:00:00.000Z']);
    expect(iso(nextRuns(['30 8 * * MON,WED'], 'UTC', at('2026-12-06T00:00:00Z'), 2))).toEqual(['2026-12-07T08:30:00.000Z', '2026-12-09T08:30:00.000Z']);
  });

  it('runs in the schedule timezone, across a DST change', () => {
    // 09:00 in Los Angeles is 17:00Z in winter (PST) and 16:00Z after 2027-03-14 (PDT)
    expect(iso(nextRuns(['0 9 * * *'], 'America/Los_Angeles', at('2027-03-13T12:00:00Z'), 2))).toEqual(['2027-03-13T17:00:00.000Z', '2027-03-14T16:00:00.000Z']);
  });

  it('understands the macros', () => {
    expect(iso(nextRuns(['@daily'], 'UTC', at('2026-12-06T10:00:00Z'), 1))).toEqual(['2026-12-07T00:00:00.000Z']);
    expect(iso(nextRuns(['@hourly'], 'UTC', at('2026-12-06T10:00:00Z'), 1))).toEqual(['2026-12-06T11:00:00.000Z']);
    expect(iso(nextRuns(['@weekly'], 'UTC', at('2026-12-06T10:00:00Z'), 1))).toEqual(['2026-12-13T00:00:00.000Z']);
    expect(iso(nextRuns(['@monthly'], 'UTC', at('2026-12-06T10:00:00Z'), 1))).toEqual(['2027-01-01T00:00:00.000Z']);
    expect(iso(nextRuns(['@yearly'], 'UTC', at('2026-12-06T10:00:00Z'), 1))).toEqual(['2027-01-01T00:00:00.000Z']);
  });

  it('merges several schedules in order without duplicates', () => {
    expect(iso(nextRuns(['*/2 * * * *', '*/3 * * * *'], 'UTC', at('2026-12-06T10:00:00Z'), 4))).toEqual([
      '2026-12-06T10:02:00.000Z',
      '2026-12-06T10:03:00.000Z',
      '2026-12-06T10:04:00.000Z',
      '2026-12-06T10:06:00.000Z',
    ]);
  });

  it('matches either day field when both are restricted', () => {
    // the 10th, or any Monday
    expect(iso(nextRuns(['0 0 10 * 1'], 'UTC', at('2026-12-06T00:00:00Z'), 2))).toEqual(['2026-12-07T00:00:00.000Z', '2026-12-10T00:00:00.000Z']);
  });

  it('takes a CRON_TZ prefix as the timezone', () => {
    expect(iso(nextRuns(['CRON_TZ=Asia/Tokyo 0 9 * * *'], undefined, at('2026-12-06T00:00:00Z'), 1))).toEqual(['2026-12-07T00:00:00.000Z']);
  });
});

describe('parseSchedule', () => {
  it('refuses a schedule with the wrong number of fields', () => {
    expect(() => parseSchedule('* * *')).toThrow(/5 fields/);
  });

  it('refuses a value out of range', () => {
    expect(() => parseSchedule('61 * * * *')).toThrow(/minute/);
  });
});
