import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

// Debian's Chromium (apt install chromium); CHROMIUM_PATH points elsewhere. No background
// networking, sync or component updates: the tests assert the page makes no request, and
// the browser's own traffic would only add noise and time.
const LAUNCH_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Launches Chromium once for the calling test file (start-up takes seconds on a small
 * machine) and closes it after. Call at the top of a `describe`; the returned function gives
 * the browser inside tests.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start (see beforeAll)');
    return browser;
  };
}

/** What a page did while open: every request, console errors, uncaught errors and dialogs. */
export interface PageRecord {
  readonly requests: string[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly dialogs: string[];
}

/** Writes HTML to a temporary file, a file the way a consultant's client would open one. */
export function writeTempHtml(name: string, markup: string): { url: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'azscan-html-'));
  const path = join(dir, name);
  writeFileSync(path, markup);
  return { url: pathToFileURL(path).href, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens `url` in a fresh context, recording what the page does from before it starts loading. */
export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; record: PageRecord; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  // A missing element should fail the test in seconds, not at the test's own timeout.
  page.setDefaultTimeout(5_000);
  const record: PageRecord = { requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    record.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, record, close: () => context.close() };
}

/**
 * That a report page did nothing of its own making and fits its viewport: no dialog, no script
 * error, no console error, no request but the page itself, and nothing wider than the screen.
 */
export async function expectInertAndNarrow(opened: { page: Page; record: PageRecord }, url: string): Promise<void> {
  expect(opened.record.dialogs).toEqual([]);
  expect(opened.record.pageErrors).toEqual([]);
  expect(opened.record.consoleErrors).toEqual([]);
  expect(opened.record.requests).toEqual([url]);
  const widths = await opened.page.locator('html').evaluate((root) => ({ content: root.scrollWidth, shown: root.clientWidth }));
  expect(widths.content).toBeLessThanOrEqual(widths.shown);
}
