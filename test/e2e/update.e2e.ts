// Journey: a new version is offered with a "new version — reload" banner and never forced: an open edit stays open
// until the user chooses Reload.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, launchBrowser, openSession, startEmpty } from './browser';

const serviceWorkerFile = fileURLToPath(new URL('../../dist/sw.js', import.meta.url));

let browser: Browser;
let originalServiceWorker: string;
beforeAll(async () => {
  browser = await launchBrowser();
  originalServiceWorker = await readFile(serviceWorkerFile, 'utf8');
});
afterAll(async () => {
  await writeFile(serviceWorkerFile, originalServiceWorker);
  await browser.close();
});

describe('updates', () => {
  it('offers a new version without interrupting an edit, and reloads into it on request', async () => {
    const session = await openSession(browser);
    const { page } = session;
    await startEmpty(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    // The user is in the middle of an edit.
    await page.getByRole('button', { name: 'New app' }).first().click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Half typed');

    // A new version is deployed (the service worker script changes) and the browser checks for updates.
    await writeFile(serviceWorkerFile, `${originalServiceWorker}\n// deployed ${Date.now()}\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    const banner = page.getByRole('status').filter({ hasText: 'A new version of Liucun is ready' });
    await expect.poll(() => banner.isVisible(), { timeout: 15_000 }).toBe(true);
    // Not forced: the edit is still there.
    expect(await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).inputValue()).toBe(
      'Half typed',
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect.poll(() => page.getByRole('heading', { name: 'Apps', level: 1 }).isVisible()).toBe(true);
    expect(
      await page.getByRole('status').filter({ hasText: 'A new version of Liucun is ready' }).count(),
    ).toBe(0);
    await closeSession(session);
  });
});
