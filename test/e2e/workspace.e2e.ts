// Journey: create an app and a table, reload, find them again; rename, duplicate, delete to the trash and restore.
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

describe('workspace', () => {
  it('keeps a created app and table across a reload', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await startEmpty(page);
    await createApp(page, 'Customer care');
    await createTable(page, 'Customers');
    const tableUrl = page.url();

    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Customers', level: 1 }).isVisible())
      .toBe(true);
    expect(page.url()).toBe(tableUrl);
    await page.getByTestId('nav-tables').click();
    await expect
      .poll(() => page.getByTestId('table-row').allTextContents())
      .toEqual([expect.stringContaining('Customers')]);
    expect(await appNames(page)).toEqual(['Customer care']);
    await closeSession(session);
  });

  it('renames, duplicates, trashes and restores apps and tables', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await startEmpty(page);
    await createApp(page, 'CRM');
    await createTable(page, 'Orders');

    // Rename the app from its card menu.
    await page.getByTestId('nav-apps').click();
    await page.getByRole('button', { name: 'Actions for CRM' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Retention');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => appNames(page)).toEqual(['Retention']);

    // An empty name is refused with a message.
    await page.getByRole('button', { name: 'Actions for Retention' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('   ');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('dialog').getByRole('alert').textContent()).toBe('Enter a name.');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    // Duplicate: the copy has the table too.
    await page.getByRole('button', { name: 'Actions for Retention' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duplicate' }).click();
    await expect.poll(() => appNames(page)).toEqual(['Retention', 'Retention (copy)']);
    await expect.poll(() => page.getByTestId('app-card').nth(1).textContent()).toContain('1 table');

    // Delete asks first, then moves the app to the trash.
    await page.getByRole('button', { name: 'Actions for Retention (copy)' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Delete “Retention (copy)”?');
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => appNames(page)).toEqual(['Retention']);

    // Delete the table of the remaining app too.
    await page.getByRole('link', { name: 'Retention' }).click();
    await page.getByRole('button', { name: 'Actions for Orders' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => page.getByTestId('table-row').count()).toBe(0);

    // Both wait in the trash; restoring brings them back where they were.
    await page.getByTestId('nav-trash').click();
    await expect.poll(() => page.getByTestId('trash-row').count()).toBe(2);
    await page
      .getByTestId('trash-row')
      .filter({ hasText: 'Orders' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await page
      .getByTestId('trash-row')
      .filter({ hasText: 'Retention (copy)' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await expect.poll(() => page.getByTestId('trash-row').count()).toBe(0);
    expect(await appNames(page)).toEqual(['Retention', 'Retention (copy)']);
    await page.getByRole('link', { name: 'Retention', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('table-row').allTextContents())
      .toEqual([expect.stringContaining('Orders')]);
    await closeSession(session);
  });

  it('shows changes made in another tab', async () => {
    const session = await openSession(browser());
    const { context, page } = session;
    await startEmpty(page);
    await createApp(page, 'Tab one');
    const other = await context.newPage();
    await other.goto(page.url());
    await expect.poll(() => appNames(other)).toEqual(['Tab one']);

    await createApp(other, 'Tab two');
    await page.getByTestId('nav-apps').click();
    await expect
      .poll(() => page.locator('[data-testid="app-card"] .card-title').allTextContents())
      .toEqual(['Tab one', 'Tab two']);
    await closeSession(session);
  });
});
