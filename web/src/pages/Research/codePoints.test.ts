import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16, segmentsOf, selectionInCodePoints, sliceCodePoints, utf16ToCodePoint } from './codePoints';

// "é" one code point and one unit; "😀" one code point, two units; "\r\n" two of each.
const kText = 'Café 😀 dinsdag.\r\nJan helpt 👩🏽‍🦱 Fatima.';

describe('code points', () => {
  it('counts a non-BMP character once', () => {
    expect('😀'.length).toBe(2);
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('Café')).toBe(4);
    expect(codePointLength('a\r\nb')).toBe(4);
    expect(codePointLength(kText)).toBe([...kText].length);
  });

  it('converts offsets both ways around emoji', () => {
    const afterEmoji = kText.indexOf(' dinsdag');
    expect(afterEmoji).toBe(7);
    expect(utf16ToCodePoint(kText, afterEmoji)).toBe(6);
    expect(codePointToUtf16(kText, 6)).toBe(7);
    for (let cp = 0; cp <= codePointLength(kText); ++cp) {
      expect(utf16ToCodePoint(kText, codePointToUtf16(kText, cp))).toBe(cp);
    }
  });

  it('never splits a surrogate pair', () => {
    const inside = kText.indexOf('😀') + 1;
    expect(utf16ToCodePoint(kText, inside)).toBe(5);
    expect(sliceCodePoints(kText, 5, 6)).toBe('😀');
  });

  it('slices what the server would: "Fatima" after a zero-width-joined emoji', () => {
    const start = [...kText].indexOf('F');
    expect(sliceCodePoints(kText, start, start + 6)).toBe('Fatima');
    // 😀 is one code point short of its units; 👩🏽‍🦱 (woman, skin tone, ZWJ, curly hair) three.
    expect(start).toBe(kText.indexOf('Fatima') - 4);
  });

  it('clamps offsets past the end', () => {
    expect(codePointToUtf16('ab', 5)).toBe(2);
    expect(utf16ToCodePoint('ab', 9)).toBe(2);
  });
});

describe('segments', () => {
  it('cuts overlapping ranges into pieces that know what covers them', () => {
    const segments = segmentsOf('😀abcdef', [
      { id: 'x', start: 1, end: 4 },
      { id: 'y', start: 3, end: 7 },
    ]);
    expect(segments.map((s) => [s.text, s.covering])).toEqual([
      ['😀', []],
      ['ab', ['x']],
      ['c', ['x', 'y']],
      ['def', ['y']],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('😀abcdef');
  });

  it('gives the whole text as one piece without ranges', () => {
    expect(segmentsOf('abc', [])).toEqual([{ start: 0, end: 3, text: 'abc', covering: [] }]);
  });
});

describe('the browser selection', () => {
  it('is turned into code points across highlighted pieces', () => {
    const container = document.createElement('div');
    const text = 'Op 😀 zei Jan: 🎉 goed.';
    const pieces = ['Op 😀 zei ', 'Jan', ': 🎉 goed.'];
    for (const piece of pieces) {
      const span = document.createElement('span');
      span.textContent = piece;
      container.append(span);
    }
    document.body.append(container);
    const range = document.createRange();
    const jan = container.children[1]!.firstChild!;
    const rest = container.children[2]!.firstChild!;
    range.setStart(jan, 0);
    range.setEnd(rest, ': 🎉'.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const offsets = selectionInCodePoints(container, selection, text);
    expect(offsets).toEqual({ start: 9, end: 15 });
    expect(sliceCodePoints(text, 9, 15)).toBe('Jan: 🎉');
    container.remove();
  });

  it('is null when it lies outside the container or is empty', () => {
    const container = document.createElement('div');
    container.textContent = 'abc';
    const outside = document.createElement('p');
    outside.textContent = 'xyz';
    document.body.append(container, outside);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    expect(selectionInCodePoints(container, selection, 'abc')).toBeNull();
    const range = document.createRange();
    range.selectNodeContents(outside);
    selection.addRange(range);
    expect(selectionInCodePoints(container, selection, 'abc')).toBeNull();
    container.remove();
    outside.remove();
  });
});
