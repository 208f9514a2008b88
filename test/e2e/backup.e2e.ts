// Journey: export the workspace, wipe the database, restore the file and find everything back; a corrupted file
// changes nothing and says which JSON path is wrong.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  appNames,
  closeSession,
  createApp,
  createTable,
  useBrowser,
  openSession,
  startEmpty,
} from './browser';

const browser = useBrowser();

async function exportWorkspace(page: Page): Promise<string> {
  await page.getByTestId('nav-settings').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^liucun-workspace-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  return readFile(path, 'utf8');
}

async function restoreFile(page: Page, testId: string, text: string, confirm: boolean): Promise<void> {
  await page
    .getByTestId(testId)
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  if (confirm) await page.getByRole('dialog').getByRole('button', { name: 'Replace workspace' }).click();
}

async function tableNames(page: Page, appName: string): Promise<string[]> {
  await page.getByRole('navigation').getByRole('link', { name: appName, exact: true }).click();
  await page.getByRole('heading', { name: 'Tables', level: 1 }).waitFor();
  return page.locator('[data-testid="table-row"] td:first-child').allTextContents();
}

describe('backup and restore', () => {
  it('brings everything back after the database is wiped', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await startEmpty(page);
    await createApp(page, 'Care');
    await createTable(page, 'Customers');
    await createTable(page, 'Feedback');
    await createApp(page, 'Sales');
    await createTable(page, 'Deals');

    const text = await exportWorkspace(page);
    const exported = JSON.parse(text) as {
      format: string;
      schemaVersion: number;
      workspace: { apps: { name: string }[] };
    };
    expect(exported.format).toBe('liucun/workspace');
    expect(exported.workspace.apps.map((app) => app.name)).toEqual(['Care', 'Sales']);

    // Wipe: the open tab lets go of the database at once and asks for a reload.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('liucun');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(new Error('delete failed'));
        }),
    );
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Reload this tab');
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Start empty' }).isVisible()).toBe(true);

    await restoreFile(page, 'first-run-restore-file', text, false);
    await expect.poll(() => page.getByRole('heading', { name: 'Apps', level: 1 }).isVisible()).toBe(true);
    expect(await appNames(page)).toEqual(['Care', 'Sales']);
    expect(await tableNames(page, 'Care')).toEqual(['Customers', 'Feedback']);
    expect(await tableNames(page, 'Sales')).toEqual(['Deals']);

    // And a restore over existing data from Settings replaces it.
    await createApp(page, 'Added after export');
    await page.getByTestId('nav-settings').click();
    await restoreFile(page, 'restore-file', text, true);
    await expect.poll(() => appNames(page)).toEqual(['Care', 'Sales']);
    await closeSession(session);
  });

  it('changes nothing when the file is corrupted, and names the JSON path', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await startEmpty(page);
    await createApp(page, 'Keep me');
    await createTable(page, 'Precious');
    const text = await exportWorkspace(page);

    const broken = JSON.parse(text) as {
      workspace: { apps: { name: unknown; tables: { fields: unknown }[] }[] };
    };
    const [app] = broken.workspace.apps;
    if (!app?.tables[0]) throw new Error('export has no app with a table');
    app.name = 42;
    app.tables[0].fields = 'not a list';
    await restoreFile(page, 'restore-file', JSON.stringify(broken), true);
    const problems = page.getByRole('alert').filter({ hasText: 'Nothing was changed' }).first();
    await expect.poll(() => problems.textContent()).toContain('$.workspace.apps[0].name');
    expect(await problems.textContent()).toContain('$.workspace.apps[0].tables[0].fields');

    await restoreFile(page, 'restore-file', text.slice(0, text.length / 2), true);
    await expect.poll(() => page.locator('.problem-list').textContent()).toContain('This is not valid JSON');

    expect(await appNames(page)).toEqual(['Keep me']);
    expect(await tableNames(page, 'Keep me')).toEqual(['Precious']);
    await page.reload();
    expect(await appNames(page)).toEqual(['Keep me']);
    await closeSession(session);
  });
});
