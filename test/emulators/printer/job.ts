/**
 * test/emulators/printer owns the fake ESC/POS printer used by tests and the
 * demo: a byte decoder (decode.ts) and a TCP 9100 listener (emulator.ts). It
 * may import anything; production code never imports it.
 */

export interface StyledLine {
  /** The printed characters, padding included (GB18030 decoded inside FS & … FS .). */
  text: string;
  bold: boolean;
  /** GS ! / ESC ! character width multiplier: a line occupies displayWidth(text) × widthScale columns. */
  widthScale: number;
  heightScale: number;
  align: 'left' | 'center' | 'right';
}

export interface DecodedQr {
  data: string;
  /** native: GS ( k store + print; raster: read back from a GS v 0 image with jsQR */
  source: 'native' | 'raster';
}

export interface DecodedImage {
  widthDots: number;
  heightDots: number;
  /** the QR payload jsQR found in the image, or null */
  qr: string | null;
}

export interface DrawerKick {
  pin: number;
  onMs: number;
  offMs: number;
}

export type JobElement =
  ({ kind: 'text' } & StyledLine) | ({ kind: 'qr' } & DecodedQr) | ({ kind: 'image' } & DecodedImage);

export interface PrintJob {
  /** everything printed, in order */
  elements: JobElement[];
  /** text lines as printed (padding kept) */
  lines: string[];
  styledLines: StyledLine[];
  /** lines joined with "\n", trailing spaces dropped */
  text: string;
  qrCodes: DecodedQr[];
  images: DecodedImage[];
  cut: 'full' | 'partial';
  drawerKicks: DrawerKick[];
  /** hex of commands the decoder does not know, to spot encoder bugs */
  unknownCommands: string[];
  /** the emulator's fault state when the cut arrived (a real printer would not have printed) */
  printedWhileFaulted: boolean;
}

export function finishJob(
  elements: JobElement[],
  cut: 'full' | 'partial',
  drawerKicks: DrawerKick[],
  unknownCommands: string[],
): PrintJob {
  const styledLines = elements.flatMap((e): StyledLine[] =>
    e.kind === 'text'
      ? [{ text: e.text, bold: e.bold, widthScale: e.widthScale, heightScale: e.heightScale, align: e.align }]
      : [],
  );
  const qrCodes = elements.flatMap((e): DecodedQr[] => {
    if (e.kind === 'qr') return [{ data: e.data, source: e.source }];
    if (e.kind === 'image' && e.qr !== null) return [{ data: e.qr, source: 'raster' }];
    return [];
  });
  const lines = styledLines.map((l) => l.text);
  return {
    elements,
    lines,
    styledLines,
    text: lines.map((l) => l.trimEnd()).join('\n'),
    qrCodes,
    images: elements.flatMap((e): DecodedImage[] =>
      e.kind === 'image' ? [{ widthDots: e.widthDots, heightDots: e.heightDots, qr: e.qr }] : [],
    ),
    cut,
    drawerKicks,
    unknownCommands,
    printedWhileFaulted: false,
  };
}

/** A job as the demo log shows it: text, with [QR …] where a code was printed. */
export function renderJob(job: PrintJob): string {
  return job.elements
    .map((e) => {
      if (e.kind === 'text') return e.text.trimEnd();
      if (e.kind === 'qr') return `[QR ${e.data}]`;
      return e.qr !== null
        ? `[QR image ${e.widthDots}x${e.heightDots}: ${e.qr}]`
        : `[image ${e.widthDots}x${e.heightDots}]`;
    })
    .join('\n');
}
