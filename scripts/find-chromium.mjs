// Finds a Chromium to drive: no browser is ever downloaded (the machines have no internet).
// Order: $CHROMIUM_PATH, a Playwright-installed Chromium, Debian's /usr/bin/chromium, a system Chrome.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {Promise<string>} the executable path; exits the process with one line when none exists. */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROMIUM_PATH=${fromEnv} does not exist`);
  }
  const found = (await playwrightChromium()) ?? SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (found) return found;
  fail('no Chromium found');
}

function fail(why) {
  console.error(
    `creditkit tests: ${why}; install one with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH to a Chromium/Chrome binary).`,
  );
  process.exit(1);
}
