// Streams log lines into an array kept outside Preact's state (100k lines must not be copied on
// each message); a counter, bumped at most once per animation frame, re-renders the viewer.
import { useEffect, useRef, useState } from 'preact/hooks';
import { openStream } from '../api/stream';
import type { LogEntry } from '../api/types';
import { parseAnsi, type Style } from './ansi';
import { logUrl, splitTimestamp } from './logLines';

export interface StoredLine {
  content: string;
  pod?: string;
  time?: string;
  /** The ANSI style carried over from earlier lines, when there is one. */
  start?: Style;
}

export interface LogStreamState {
  lines: StoredLine[];
  version: number;
  ended: boolean;
  error?: string;
}

const isPlain = (s: Style) => !s.fg && !s.bg && !s.bold && !s.italic && !s.underline;

export function useLogStream(ns: string, name: string, podName: string | undefined, grep: string, timestamps: boolean, active: boolean): LogStreamState {
  const lines = useRef<StoredLine[]>([]);
  const [version, setVersion] = useState(0);
  const [ended, setEnded] = useState(false);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (!active) return;
    lines.current = [];
    setVersion((v) => v + 1);
    setEnded(false);
    setError(undefined);
    let carry: Style = {};
    let frame = 0;
    const bump = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    const stream = openStream<LogEntry>(logUrl(ns, name, { podName, grep, follow: true, timestamps }), {
      onMessage: (e) => {
        if (typeof e.content !== 'string') return;
        const { time, text } = timestamps ? splitTimestamp(e.content) : { time: undefined, text: e.content };
        const line: StoredLine = { content: text, pod: e.podName, time };
        if (!isPlain(carry)) line.start = carry;
        if (text.includes('\x1b')) carry = parseAnsi(text, carry).end;
        lines.current.push(line);
        bump();
      },
      onEnd: () => {
        setEnded(true);
        bump();
      },
      onError: (m) => setError(m),
    });
    return () => {
      stream.close();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ns, name, podName, grep, timestamps, active]);
  return { lines: lines.current, version, ended, error };
}

