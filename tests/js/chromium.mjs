// The system Chromium, driven by puppeteer-core: no browser download, no network, a private
// profile. Shared by the checks in this directory.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const chromiumPath = process.env.PARPLAN_CHROMIUM || '/usr/bin/chromium';

// Exit code ctest reads as "skipped" (SKIP_RETURN_CODE in tests/CMakeLists.txt).
export const SKIP = 77;

export function requireChromium() {
  if (!existsSync(chromiumPath)) {
    console.log('skipped: chromium not installed (scripts/install-deps installs it)');
    process.exit(SKIP);
  }
}

export const chromiumFlags = (profile) => [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--user-data-dir=${profile}`,
];

// Runs `body(browser, profile)` with a fresh profile, closing everything afterwards.
export async function withChromium(body) {
  const profile = mkdtempSync(join(tmpdir(), 'parplan-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags(profile).filter((f) => f !== '--headless' && !f.startsWith('--user-data-dir')),
    userDataDir: profile,
  });
  try {
    return await body(browser, profile);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// Fails the page load on any request that would leave the machine.
export async function offlinePage(browser, requests) {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('file:') || url.startsWith('data:') || url === 'about:blank') {
      request.continue();
    } else {
      requests.push(url);
      request.abort();
    }
  });
  return page;
}

let failures = 0;
export function check(condition, message) {
  if (condition) {
    console.log(`ok: ${message}`);
  } else {
    console.log(`FAILED: ${message}`);
    failures += 1;
  }
}
export function finish() {
  if (failures > 0) {
    console.log(`${failures} check(s) failed`);
    process.exit(1);
  }
}
