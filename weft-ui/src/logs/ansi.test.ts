import { describe, expect, it } from 'vitest';
import { BASIC, color256, parseAnsi, stripAnsi } from './ansi';

describe('parseAnsi', () => {
  it('keeps plain text as one unstyled segment', () => {
    expect(parseAnsi('hello').segments).toEqual([{ text: 'hello', style: {} }]);
  });

  it('colours text after a basic foreground code and resets on 0', () => {
    const { segments } = parseAnsi('a\x1b[31mred\x1b[0mb');
    expect(segments).toEqual([
      { text: 'a', style: {} },
      { text: 'red', style: { fg: BASIC[1] } },
      { text: 'b', style: {} },
    ]);
  });

  it('reads bright colours and bold', () => {
    const { segments } = parseAnsi('\x1b[1;92mok');
    expect(segments[0].style).toEqual({ bold: true, fg: BASIC[10] });
  });

  it('reads 256-colour and true-colour foregrounds', () => {
    expect(parseAnsi('\x1b[38;5;196mx').segments[0].style.fg).toBe('#ff0000');
    expect(parseAnsi('\x1b[38;2;1;2;3mx').segments[0].style.fg).toBe('#010203');
  });

  it('carries the style over to the next line', () => {
    const first = parseAnsi('\x1b[34mblue starts');
    expect(parseAnsi('still blue', first.end).segments[0].style.fg).toBe(BASIC[4]);
  });

  it('drops other escape sequences', () => {
    expect(stripAnsi('\x1b[2Kclear\x1b[1mbold')).toBe('clearbold');
    expect(parseAnsi('\x1b[2Kx').segments).toEqual([{ text: 'x', style: {} }]);
  });

  it('ignores an out-of-range 256 colour', () => {
    expect(color256(300)).toBeUndefined();
    expect(color256(232)).toBe('#080808');
  });
});
