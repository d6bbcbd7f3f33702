/**
 * The first step of `npm test`: the Debian packages the serial and browser suites need. Missing ones
 * are installed with apt-get when this runs as root on a machine that has it (CI, a fresh container);
 * otherwise it prints one line saying what to install and exits 1, so the run fails there and not in
 * the middle of the suites. Prints nothing when all is there.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_PATH } from '../helpers/browser';

export interface Missing {
  /** The Debian package that provides it. */
  pkg: string;
  /** What is missing, for the message. */
  what: string;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The command's path on `PATH`, or null. */
export function onPath(command: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir && executable(join(dir, command))) return join(dir, command);
  }
  return null;
}

function hasCjkFont(dir = '/usr/share/fonts'): boolean {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((f) => /NotoSansCJK/i.test(f));
  } catch {
    return false;
  }
}

export function missingPackages(path = process.env.PATH ?? ''): Missing[] {
  const missing: Missing[] = [];
  if (!onPath('socat', path)) missing.push({ pkg: 'socat', what: 'socat (serial device tests)' });
  if (!executable(CHROMIUM_PATH)) missing.push({ pkg: 'chromium', what: `${CHROMIUM_PATH} (browser tests)` });
  // Without them the UI tests still pass, but the screenshots they save show boxes for Chinese.
  if (!hasCjkFont())
    missing.push({ pkg: 'fonts-noto-cjk', what: 'the Noto CJK fonts (readable screenshots)' });
  return missing;
}

function aptInstall(pkgs: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return (
    spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: ['ignore', 'ignore', 'inherit'], env })
      .status === 0
  );
}

function main(): number {
  const missing = missingPackages();
  if (missing.length === 0) return 0;
  const pkgs = missing.map((m) => m.pkg);
  if (process.getuid?.() === 0 && onPath('apt-get')) {
    console.log(`npm test: installing ${pkgs.join(' ')} with apt-get`);
    if (aptInstall(pkgs) && missingPackages().length === 0) return 0;
  }
  const what = missing.map((m) => m.what).join(', ');
  console.error(
    `npm test needs ${what}: install with \`sudo apt-get install ${pkgs.join(' ')}\`, then run npm test again.`,
  );
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
