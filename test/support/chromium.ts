/**
 * Finds a Chromium for the browser tests without ever downloading one (downloads fail on our
 * machines): Playwright's own browser if one is installed, else Debian's /usr/bin/chromium,
 * installing it with apt-get when we run as root; otherwise a message saying what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags every launch uses: headless, sandbox-free for root, and no background calls to Google. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Path of Playwright's bundled Chromium if it is installed, else undefined. */
function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Returns a usable Chromium executable, installing Debian's package if needed and possible. */
export function findChromium(log: (line: string) => void = console.log): string {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const bundled = playwrightChromium();
  if (bundled) return bundled;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log('Chromium not found: installing Debian\'s "chromium" package with apt-get (one time)...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one, e.g. `sudo apt-get install chromium` on Debian, ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable. (Test tools must not download browsers here.)',
  );
}
