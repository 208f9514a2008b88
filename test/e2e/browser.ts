// Shared helpers for the end-to-end tests: a Chromium per test file, a fresh profile per test, and the few steps
// every journey starts with. Page errors and console errors (a CSP violation, an uncaught exception) fail the test.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far, in every page of the context. */
  readonly errors: string[];
}

/** Console messages that are not the app's fault: Chromium reporting the emulated network outage. */
const EXPECTED_ERRORS = [/net::ERR_INTERNET_DISCONNECTED/, /Failed to load resource/];

export function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !EXPECTED_ERRORS.some((pattern) => pattern.test(message.text()))) {
      errors.push(`console: ${message.text()}`);
    }
  });
}

/** A fresh profile (empty IndexedDB, no service worker) in the given browser language. */
export async function openSession(browser: Browser, locale = 'en-US'): Promise<Session> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, errors);
  await page.goto(baseUrl());
  return { context, page, errors };
}

export async function startEmpty(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Apps', level: 1 }).isVisible()).toBe(true);
}

/** Creates an app from the Apps screen. */
export async function createApp(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-apps').click();
  await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'New app' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Tables', level: 1 }).isVisible()).toBe(true);
}

/** Creates a table in the app shown in the navigation, from its Tables screen. */
export async function createTable(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-tables').click();
  await page.getByRole('heading', { name: 'Tables', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'New table' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect.poll(() => page.getByRole('heading', { name, level: 1 }).isVisible()).toBe(true);
}

/** Names shown on the app cards of the Apps screen. */
export async function appNames(page: Page): Promise<string[]> {
  await page.getByTestId('nav-apps').click();
  await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
  return page.locator('[data-testid="app-card"] .card-title').allTextContents();
}

export async function closeSession(session: Session): Promise<void> {
  await session.context.close();
  expect(session.errors).toEqual([]);
}

/** One Chromium for the whole test file: launched before its first test, closed after its last. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is not launched yet (use it inside a test).');
    return browser;
  };
}

/** Waits until the service worker has precached the app and controls the page, so a reload works offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 })
    .toBe(true);
}
