// Journey: the first-run screen installs a template from a JSON document, and refuses a broken one saying where.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { appNames, closeSession, openSession, useBrowser } from './browser';

const templatePath = new URL('../fixtures/template-v2.json', import.meta.url);

const browser = useBrowser();

describe('first run', () => {
  it('starts from a template file, and reports a broken one without installing anything', async () => {
    const text = await readFile(templatePath, 'utf8');
    const template = JSON.parse(text) as { apps: { name: string; tables: { name: string }[] }[] };
    const session = await openSession(browser());
    const { page } = session;
    await page.getByRole('button', { name: /Start from a template/ }).click();

    const broken = JSON.parse(text) as { apps: { tables: unknown }[] };
    if (!broken.apps[0]) throw new Error('template fixture has no app');
    broken.apps[0].tables = 'none';
    await page.getByTestId('template-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect.poll(() => page.locator('.problem-list').textContent()).toContain('$.apps[0].tables');

    await page
      .getByTestId('template-file')
      .setInputFiles({ name: 'nps.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const [app] = template.apps;
    await expect.poll(() => page.getByRole('heading', { name: 'Tables', level: 1 }).isVisible()).toBe(true);
    expect(await page.locator('[data-testid="table-row"] td:first-child').allTextContents()).toEqual(
      app?.tables.map((table) => table.name),
    );
    expect(await appNames(page)).toEqual(template.apps.map((each) => each.name));
    await closeSession(session);
  });
});
