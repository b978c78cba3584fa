// Codings count Unicode code points, as REFI-QDA and the server do
// (docs/research.md, "Offsets"); the browser counts UTF-16 units. "😀" is one
// code point but two units, so every offset that crosses between the two
// goes through here.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The text's length in code points. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; ++i) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) ++count;
  }
  return count;
}

/**
 * The code-point offset of a UTF-16 offset. An offset between the two halves
 * of a surrogate pair (which a selection should never give) is taken to the
 * start of the character, so a fragment never splits one.
 */
export function utf16ToCodePoint(text: string, utf16: number): number {
  let index = Math.max(0, Math.min(utf16, text.length));
  if (index > 0 && index < text.length && isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index))) {
    index -= 1;
  }
  return codePointLength(text.slice(0, index));
}

/** The UTF-16 offset of a code-point offset; past the end gives the text's length. */
export function codePointToUtf16(text: string, codePoint: number): number {
  let index = 0;
  for (let seen = 0; seen < codePoint && index < text.length; ++seen) {
    index += isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
  }
  return index;
}

/** The text between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return text.slice(codePointToUtf16(text, start), codePointToUtf16(text, end));
}

export interface Range {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** The ranges that cover all of it, in the order given. */
  covering: string[];
}

/**
 * The text cut where any range starts or ends, each piece with the ranges
 * covering it: how overlapping codings are drawn as highlights.
 */
export function segmentsOf(text: string, ranges: Range[]): Segment[] {
  const length = codePointLength(text);
  const cuts = new Set<number>([0, length]);
  for (const range of ranges) {
    cuts.add(Math.max(0, Math.min(range.start, length)));
    cuts.add(Math.max(0, Math.min(range.end, length)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; ++i) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    segments.push({
      start,
      end,
      text: sliceCodePoints(text, start, end),
      covering: ranges.filter((range) => range.start <= start && end <= range.end).map((range) => range.id),
    });
  }
  return segments;
}

/**
 * The UTF-16 offset of a DOM position (node, offset) within a container
 * whose text content is the note's text: the length of the text before it.
 */
export function textOffsetIn(container: Node, node: Node, offset: number): number {
  const range = container.ownerDocument!.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The browser selection inside the container, as code-point offsets into
 * `text` (the container's text content); null when nothing of it is selected.
 */
export function selectionInCodePoints(container: Node, selection: Selection | null, text: string): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = utf16ToCodePoint(text, textOffsetIn(container, range.startContainer, range.startOffset));
  const end = utf16ToCodePoint(text, textOffsetIn(container, range.endContainer, range.endOffset));
  return start < end ? { start, end } : null;
}
