/**
 * Column arithmetic for receipt text. shared/receipt owns the receipt model,
 * its layout into padded lines, and the plain-text preview; it imports only
 * other shared/ code (no Node, no DOM).
 *
 * Width rule: a thermal printer in Chinese mode (FS &) prints every single-byte
 * (ASCII) character one column wide and every multi-byte GB18030 character two
 * columns wide — not just CJK, but also ×, ·, ￥ and é. So the width of a code
 * point is 1 below U+0080 and 2 otherwise; that is what the paper does.
 */

/** Columns a code point occupies on paper. */
export function codePointWidth(cp: number): 1 | 2 {
  return cp < 0x80 ? 1 : 2;
}

/** Columns a string occupies on paper (call on sanitized text). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += codePointWidth(ch.codePointAt(0) ?? 0);
  return w;
}

/**
 * Makes outside text (item names, buyer names, footers) safe to print: control
 * characters could inject ESC/POS commands, so C0/C1 controls and DEL become
 * spaces, lone surrogates (not encodable) become '?', and the half-width
 * yen sign U+00A5 becomes the full-width ￥ (U+00A5 prints as "?" or "0 6" on
 * GBK printers, hardware.md §1).
 */
export function sanitizeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) out += ' ';
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '?';
    else if (cp === 0xa5) out += '\uFFE5';
    else out += ch;
  }
  return out;
}

/** Splits text into pieces of at most `width` columns, never splitting a character. */
export function wrapToWidth(text: string, width: number): string[] {
  if (width < 2) throw new RangeError(`wrap width must be at least 2, got ${width}`);
  const lines: string[] = [];
  let cur = '';
  let curW = 0;
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0) ?? 0);
    if (curW + w > width) {
      lines.push(cur);
      cur = '';
      curW = 0;
      if (ch === ' ') continue; // a wrap swallows the space it happened at
    }
    cur += ch;
    curW += w;
  }
  if (cur !== '' || lines.length === 0) lines.push(cur);
  return lines;
}

export function padEndToWidth(text: string, width: number): string {
  const w = displayWidth(text);
  if (w > width) throw new RangeError(`"${text}" is ${w} columns, wider than ${width}`);
  return text + ' '.repeat(width - w);
}

export function padStartToWidth(text: string, width: number): string {
  const w = displayWidth(text);
  if (w > width) throw new RangeError(`"${text}" is ${w} columns, wider than ${width}`);
  return ' '.repeat(width - w) + text;
}

/** Centers text in exactly `width` columns (an odd leftover space goes right). */
export function centerToWidth(text: string, width: number): string {
  const w = displayWidth(text);
  if (w > width) throw new RangeError(`"${text}" is ${w} columns, wider than ${width}`);
  const left = Math.floor((width - w) / 2);
  return ' '.repeat(left) + text + ' '.repeat(width - w - left);
}

/**
 * `left ... right` in exactly `width` columns. When both do not fit with a
 * space between, left wraps onto its own lines and right goes right-aligned
 * on the last line (or its own line), so nothing is ever cut off.
 */
export function justify(left: string, right: string, width: number): string[] {
  const lw = displayWidth(left);
  const rw = displayWidth(right);
  if (lw + 1 + rw <= width) return [left + ' '.repeat(width - lw - rw) + right];
  const leftLines = wrapToWidth(left, width);
  const rightLines = wrapToWidth(right, width);
  const lastLeft = leftLines[leftLines.length - 1] ?? '';
  const firstRight = rightLines[0] ?? '';
  if (rightLines.length === 1 && displayWidth(lastLeft) + 1 + rw <= width) {
    leftLines.pop();
    return [
      ...leftLines.map((l) => padEndToWidth(l, width)),
      lastLeft + ' '.repeat(width - displayWidth(lastLeft) - rw) + firstRight,
    ];
  }
  return [
    ...leftLines.map((l) => padEndToWidth(l, width)),
    ...rightLines.map((r) => padStartToWidth(r, width)),
  ];
}
