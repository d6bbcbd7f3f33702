/** Plain-text rendering of laid-out blocks, for the on-screen preview and tests. */
import type { ReceiptBlock } from './blocks';

/**
 * One string, lines joined by "\n", trailing spaces dropped. A double-width
 * line keeps its centering on screen by doubling its indentation; a QR code
 * shows as "[QR <data>]"; the cut is not shown.
 */
export function renderReceiptText(blocks: readonly ReceiptBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'text': {
        const text = b.text.trimEnd();
        if (b.size !== 'big') {
          out.push(text);
          break;
        }
        const body = text.trimStart();
        out.push(' '.repeat((text.length - body.length) * 2) + body);
        break;
      }
      case 'qr':
        out.push(`[QR ${b.data}]`);
        break;
      case 'feed':
        for (let i = 0; i < b.lines; i++) out.push('');
        break;
      case 'cut':
        break;
      default: {
        const never: never = b;
        throw new Error(`unexpected block ${JSON.stringify(never)}`);
      }
    }
  }
  return out.join('\n');
}
