import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ErrorBox } from '../components/Status';
import { fetchLogText, saveText } from './download';
import { LogLine } from './LogLine';
import { useLogStream } from './useLogStream';

/** Fixed row height: the virtual list places rows by index. Matches .log-line in app.css. */
export const ROW = 18;
const OVERSCAN = 20;

interface Props {
  namespace: string;
  workflow: string;
  /** One pod's logs; the whole workflow's without. */
  podName?: string;
  /** Shorter box inside the node panel. */
  compact?: boolean;
}

/** Live logs: follow, grep (server-side RE2), ANSI colours, timestamps, virtualised rows, download. */
export function LogViewer({ namespace, workflow, podName, compact }: Props) {
  const [grepText, setGrepText] = useState('');
  const [grep, setGrep] = useState('');
  const [timestamps, setTimestamps] = useState(false);
  const [follow, setFollow] = useState(true);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(compact ? 240 : 480);
  const [downloadError, setDownloadError] = useState<string | undefined>();
  const box = useRef<HTMLDivElement>(null);
  const lastTop = useRef(0);
  const log = useLogStream(namespace, workflow, podName, grep, timestamps, true);
  const total = log.lines.length;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Following: keep the last line in view as lines arrive.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && follow) {
      el.scrollTop = el.scrollHeight;
      setScrollTop(el.scrollTop);
    }
  }, [log.version, follow, height]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    // Scrolling up pauses following; scrolling back to the end resumes it. Following's own
    // scrolls only go down, and may be reported after more lines arrived, so they never pause.
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW;
    if (atBottom && !follow) setFollow(true);
    else if (!atBottom && follow && el.scrollTop < lastTop.current - 1) setFollow(false);
    lastTop.current = el.scrollTop;
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const l = log.lines[i];
    rows.push(<LogLine key={i} top={i * ROW} content={l.content} start={l.start} pod={podName ? undefined : l.pod} time={l.time} />);
  }

  const download = async (e: Event) => {
    e.preventDefault();
    setDownloadError(undefined);
    try {
      saveText(await fetchLogText(namespace, workflow, podName), `${podName ?? workflow}.log`);
    } catch (err) {
      setDownloadError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div class={'logs-viewer' + (compact ? ' compact' : '')}>
      <div class="logs-toolbar">
        <input
          type="search"
          placeholder="grep (regular expression), Enter to apply"
          data-testid="logs-grep"
          value={grepText}
          onInput={(e) => setGrepText((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => e.key === 'Enter' && setGrep(grepText)}
          onBlur={() => setGrep(grepText)}
        />
        <label class="check">
          <input type="checkbox" data-testid="logs-follow" checked={follow} onChange={() => setFollow(!follow)} />
          Follow
        </label>
        <label class="check">
          <input type="checkbox" data-testid="logs-timestamps" checked={timestamps} onChange={() => setTimestamps(!timestamps)} />
          Timestamps
        </label>
        {timestamps && total > 0 && !log.lines[0].time && <span class="muted small">(the server sent no timestamps)</span>}
        <span class="muted small" data-testid="logs-count">
          {total} lines{log.ended ? ' · complete' : ''}
        </span>
        <a href="#" class="button" data-testid="logs-download" onClick={download}>
          Download
        </a>
      </div>
      <ErrorBox error={log.error ?? downloadError} />
      <div class="logs" data-testid="logs" ref={box} onScroll={onScroll}>
        <div class="logs-inner" style={{ height: total * ROW + 'px' }}>
          {rows}
        </div>
        {total === 0 && <div class="muted logs-empty">{log.ended ? 'No log lines.' : 'Waiting for log lines…'}</div>}
      </div>
    </div>
  );
}
