/**
 * Plays speech clips one after another through HTMLAudioElement: it plays
 * file:// URLs in Electron and the core's URLs in browser mode alike, with no
 * network and no cloud voice. Announcements queue; they never talk over each other.
 */
import type { ClipName } from '../../shared/speech/announcement';

const CLIP_URLS = import.meta.glob<string>('../../assets/speech/*.wav', {
  eager: true,
  query: '?url',
  import: 'default',
});

export function clipUrl(name: ClipName): string {
  const url = CLIP_URLS[`../../assets/speech/${name}.wav`];
  if (!url) throw new Error(`speech clip ${name} is not in assets/speech`);
  return url;
}

/** Where announcements go: the speakers, or (in component tests) nowhere. */
export type SpeechSink = (clips: readonly ClipName[], volume_pct: number) => Promise<void>;

function playOne(url: string, volume_pct: number): Promise<void> {
  return new Promise((resolve) => {
    const a = new Audio(url);
    a.volume = volume_pct / 100;
    // A clip that cannot play (no sound device, autoplay refused) must not stop the rest or the till.
    a.onended = () => resolve();
    a.onerror = () => resolve();
    a.play().catch(() => resolve());
  });
}

let queue: Promise<void> = Promise.resolve();

export const speakers: SpeechSink = (clips, volume_pct) => {
  queue = queue.then(async () => {
    for (const c of clips) await playOne(clipUrl(c), volume_pct);
  });
  return queue;
};
