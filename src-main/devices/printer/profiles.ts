/**
 * src-main/devices/printer owns receipt printing on the terminal: profiles,
 * ESC/POS encoding, transports (TCP 9100, serial, USB device file), DLE EOT
 * status and the driver. It imports shared/ and Node; never the renderer,
 * server or simulator.
 */
import type { PaperWidth } from '../../../shared/receipt/model';
import { COLUMNS } from '../../../shared/receipt/model';

export interface PrinterProfile {
  id: string;
  name: string;
  paper: PaperWidth;
  /** Font A columns; must equal COLUMNS[paper], the layout's width. */
  columns: number;
  /** Printable dots across (203 dpi heads: 384 on 58 mm, 576 on 80 mm). */
  printable_dots: number;
  /** native: GS ( k model 2. raster: the QR drawn as a GS v 0 bitmap, for printers without GS ( k. */
  qr: 'native' | 'raster';
  /** QR module size in dots (GS ( k size 1–8; also the raster scale cap). */
  qr_module_dots: number;
  cut: 'full' | 'partial' | 'none';
  /** Lines fed before the cut so the footer clears the blade. */
  feed_before_cut_lines: number;
  /**
   * Answers GS r 1 once a job is processed: the driver ends each job with it
   * and waits for the reply, so "printed" means the printer got to the end of
   * the job (receiptline closes jobs the same way). false: done when sent.
   */
  transmit_status: boolean;
  /** Drawer kick: ESC p pin (0 = pin 2, 1 = pin 5), pulse on/off times in ms. */
  drawer: { pin: 0 | 1; on_ms: number; off_ms: number };
}

const DRAWER = { pin: 0, on_ms: 100, off_ms: 500 } as const;

export const PROFILES = {
  'generic-58': {
    id: 'generic-58',
    name: '58 mm ESC/POS (native QR)',
    paper: 58,
    columns: COLUMNS[58],
    printable_dots: 384,
    qr: 'native',
    qr_module_dots: 6,
    cut: 'partial',
    feed_before_cut_lines: 4,
    transmit_status: true,
    drawer: DRAWER,
  },
  'generic-58-raster': {
    id: 'generic-58-raster',
    name: '58 mm ESC/POS without GS ( k (QR as raster image; POS-5890 class)',
    paper: 58,
    columns: COLUMNS[58],
    printable_dots: 384,
    qr: 'raster',
    qr_module_dots: 6,
    cut: 'partial',
    feed_before_cut_lines: 4,
    transmit_status: true,
    drawer: DRAWER,
  },
  'generic-80': {
    id: 'generic-80',
    name: '80 mm ESC/POS (native QR)',
    paper: 80,
    columns: COLUMNS[80],
    printable_dots: 576,
    qr: 'native',
    qr_module_dots: 8,
    cut: 'partial',
    feed_before_cut_lines: 4,
    transmit_status: true,
    drawer: DRAWER,
  },
  'generic-80-raster': {
    id: 'generic-80-raster',
    name: '80 mm ESC/POS without GS ( k (QR as raster image)',
    paper: 80,
    columns: COLUMNS[80],
    printable_dots: 576,
    qr: 'raster',
    qr_module_dots: 8,
    cut: 'partial',
    feed_before_cut_lines: 4,
    transmit_status: true,
    drawer: DRAWER,
  },
} as const satisfies Record<string, PrinterProfile>;

export type ProfileId = keyof typeof PROFILES;

export function getProfile(id: string): PrinterProfile | null {
  return Object.hasOwn(PROFILES, id) ? PROFILES[id as ProfileId] : null;
}
