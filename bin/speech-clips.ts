/**
 * Generates the till's speech clips (assets/speech/*.wav) once, with Debian's
 * espeak-ng (Mandarin voice `cmn`) and sox: mono 11,025 Hz 16-bit PCM, the
 * silence at both ends trimmed so that clips played back to back sound like
 * one sentence. The clips are committed; the till never synthesizes speech.
 *
 *   apt-get install espeak-ng sox && node --import tsx bin/speech-clips.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIP_NAMES, CLIP_TEXT } from '../shared/speech/announcement';

export const SPEECH_DIR = fileURLToPath(new URL('../assets/speech/', import.meta.url));
export const CLIP_SAMPLE_RATE_HZ = 11_025;
/** Words per minute: a little quicker than espeak's 175 default, as the speaker boxes talk. */
const SPEED_WPM = 190;

const tmp = mkdtempSync(join(tmpdir(), 'speech-clips-'));
try {
  for (const name of CLIP_NAMES) {
    const raw = join(tmp, `${name}.wav`);
    execFileSync('espeak-ng', ['-v', 'cmn', '-s', String(SPEED_WPM), '-w', raw, CLIP_TEXT[name]]);
    // gain -n -1: peak at -1 dBFS; silence 1 0.02 1%: drop leading sound under 1% of full scale; reverse twice for the tail.
    const trim = [
      'gain',
      '-n',
      '-1',
      'silence',
      '1',
      '0.02',
      '1%',
      'reverse',
      'silence',
      '1',
      '0.02',
      '1%',
      'reverse',
    ];
    execFileSync('sox', [
      raw,
      '-r',
      String(CLIP_SAMPLE_RATE_HZ),
      '-c',
      '1',
      '-b',
      '16',
      join(SPEECH_DIR, `${name}.wav`),
      ...trim,
    ]);
    console.log(`${name}.wav  ${CLIP_TEXT[name]}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
