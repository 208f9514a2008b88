// Views of sample customers: a kanban stacked by region, where dragging a card to another column changes the
// customer's region (the column counts follow) and undo puts it back; and a grid that shows another tab's edit.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeSession, createApp, createTable, openSession, startEmpty, useBrowser } from './browser';

async function count(column: Locator): Promise<number> {
  return Number(await column.locator('.kanban-column-count').textContent());
}

async function dragTo(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not visible');
  const [x0, y0] = [from.x + from.width / 2, from.y + 12];
  const [x1, y1] = [to.x + to.width / 2, to.y + to.height / 3];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let step = 1; step <= 20; step++)
    await page.mouse.move(x0 + ((x1 - x0) * step) / 20, y0 + ((y1 - y0) * step) / 20);
  await page.mouse.up();
}

describe('views of a table', () => {
  const browser = useBrowser();

  it('shows a record edited in another tab of the same table', async () => {
    const session = await openSession(browser());
    const { page, context } = session;
    await startEmpty(page);
    await createApp(page, 'CRM');
    await createTable(page, 'Customers');
    await page.getByRole('tab', { name: 'Grid' }).click();
    await page.getByRole('button', { name: /Sample data/ }).click();
    await page.getByRole('menuitem', { name: /1,000/ }).click();
    await page.getByText('1000 records').waitFor({ timeout: 30_000 });

    const other = await context.newPage();
    await other.goto(page.url());
    const firstOrders = (tab: Page) => tab.locator('[role="row"][aria-rowindex="2"] [data-field="Orders"]');
    await firstOrders(other).waitFor();
    await firstOrders(page).click();
    await page.keyboard.type('77');
    await page.keyboard.press('Enter');
    await expect.poll(() => firstOrders(other).textContent()).toBe('77');

    await closeSession(session);
  });

  it('moves a card to another column by dragging, and undo moves it back', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await startEmpty(page);
    await createApp(page, 'CRM');
    await createTable(page, 'Customers');
    await page.getByRole('tab', { name: 'Grid' }).click();
    await page.getByRole('button', { name: /Sample data/ }).click();
    await page.getByRole('menuitem', { name: /1,000/ }).click();
    await page.getByText('1000 records').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: '+ View' }).click();
    await page.getByRole('menuitem', { name: /Kanban/ }).click();
    const columns = page.locator('.kanban-column');
    await columns.nth(1).locator('.kanban-cards li').first().waitFor();
    const first = columns.nth(0);
    const second = columns.nth(1);
    const [before0, before1] = [await count(first), await count(second)];
    expect(before0 + before1).toBeGreaterThan(0);
    const card = first.locator('.kanban-cards li').first();
    const name = (await card.locator('.kanban-card-title').textContent()) ?? '';

    await dragTo(page, card, second);
    await expect.poll(() => count(first)).toBe(before0 - 1);
    expect(await count(second)).toBe(before1 + 1);
    await expect.poll(() => second.getByText(name, { exact: true }).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => count(first)).toBe(before0);
    expect(await count(second)).toBe(before1);

    await closeSession(session);
  });
});
