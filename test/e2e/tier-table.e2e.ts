// Journey 1, the customer tier table: build the table by dragging field types in, add a formula and a tier field,
// import 1,000 customers from a CSV with a few broken rows, check the report and the tier groups against counts
// computed here, edit a customer and see the tier follow, then reload offline and find everything as it was.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  closeSession,
  createApp,
  createTable,
  openSession,
  startEmpty,
  useBrowser,
  waitForServiceWorker,
} from './browser';

interface Customer {
  readonly name: string;
  readonly spend: number;
  readonly orders: number;
  readonly lastPurchase: string;
}

/** 1,000 customers with spread-out spend and orders, and the CSV rows that will be broken on purpose. */
function customers(): Customer[] {
  return Array.from({ length: 1000 }, (_, at) => ({
    name: `Customer ${String(at + 1).padStart(4, '0')}`,
    spend: (at * 7919) % 20_000,
    orders: (at * 13) % 7,
    lastPurchase: `2026-${String((at % 12) + 1).padStart(2, '0')}-${String((at % 28) + 1).padStart(2, '0')}`,
  }));
}

/** Data rows (0-based) broken in the file, and how. Their file row numbers are at + 2 (the header is row 1). */
const BROKEN: Readonly<Record<number, (customer: Customer) => string>> = {
  99: (c) => `${c.name},lots,${c.orders},${c.lastPurchase}`,
  249: (c) => `${c.name},${c.spend},many,${c.lastPurchase}`,
  599: (c) => `${c.name},${c.spend},${c.orders},2026-13-45`,
  899: (c) => `${c.name},${c.spend}`,
};

function csv(list: readonly Customer[]): string {
  const lines = ['Name,Total spend,Orders,Last purchase'];
  list.forEach((customer, at) => {
    const broken = BROKEN[at];
    lines.push(
      broken
        ? broken(customer)
        : `${customer.name},${customer.spend},${customer.orders},${customer.lastPurchase}`,
    );
  });
  return `${lines.join('\n')}\n`;
}

function tierOf(customer: Customer): string {
  if (customer.spend >= 10_000) return 'High value';
  if (customer.orders >= 3) return 'Potential';
  return 'General';
}

/** Drags with the mouse as a person does: press, move in small steps (dnd-kit starts after 5 px), release. */
async function drag(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not visible');
  const [x0, y0] = [from.x + from.width / 2, from.y + from.height / 2];
  const [x1, y1] = [to.x + to.width / 2, to.y + to.height / 2];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let step = 1; step <= 20; step++)
    await page.mouse.move(x0 + ((x1 - x0) * step) / 20, y0 + ((y1 - y0) * step) / 20);
  await page.mouse.up();
}

async function nameAndSave(page: Page, initialName: string, name: string): Promise<void> {
  await page.getByTestId(`field-row-${initialName}`).waitFor();
  await page.getByTestId('field-panel').getByLabel('Field name').fill(name);
  await page.getByRole('button', { name: 'Save field' }).click();
  await page.getByTestId(`field-row-${name}`).waitFor();
}

/** Group labels and counts as the collapsed grouped grid shows them. */
async function groupCounts(page: Page): Promise<Record<string, number>> {
  const rows = page.locator('.grid-group-row');
  await rows.first().waitFor();
  const counts: Record<string, number> = {};
  for (const row of await rows.all()) {
    const label = await row.getByTestId('group-label').textContent();
    const count = await row.getByTestId('group-count').textContent();
    counts[label ?? ''] = Number((count ?? '').replace(/\D/g, ''));
  }
  return counts;
}

async function cellOf(page: Page, field: string, row = 1): Promise<Locator> {
  const cell = page.locator(`[role="row"][aria-rowindex="${row + 1}"] [data-field="${field}"]`);
  await cell.waitFor();
  return cell;
}

describe('the customer tier table', () => {
  const browser = useBrowser();

  it('is built, filled from a CSV, grouped by tier, edited, and still there after an offline reload', async () => {
    const session = await openSession(browser());
    const { page, context } = session;
    await startEmpty(page);
    await createApp(page, 'CRM');
    await createTable(page, 'Customers');

    // Build the table: four fields dragged from the palette, then a formula and a tier added from the palette.
    const list = page.getByRole('region', { name: 'Fields' });
    const fields = [
      ['text', 'Single-line text', 'Name'],
      ['currency', 'Currency', 'Total spend'],
      ['number', 'Number', 'Orders'],
      ['date', 'Date', 'Last purchase'],
    ] as const;
    for (const [kind, initial, name] of fields) {
      const end = list.getByText('Drop a field type here to add it at the end.');
      await drag(page, page.getByTestId(`palette-${kind}`), (await end.count()) > 0 ? end : list);
      await nameAndSave(page, initial, name);
    }

    await page.getByTestId('palette-formula').click();
    await page.getByTestId('field-row-Formula').waitFor();
    await page.getByLabel('Formula', { exact: true }).fill('TODAY() - {Last purchase}');
    await nameAndSave(page, 'Formula', 'Days since purchase');

    await page.getByTestId('palette-tier').click();
    await page.getByTestId('field-row-Tier').waitFor();
    const rules = [
      ['High value', '{Total spend} >= 10000'],
      ['Potential', '{Orders} >= 3'],
    ] as const;
    for (const [position, [label, condition]] of rules.entries()) {
      await page.getByRole('button', { name: 'Add rule' }).click();
      await page.getByLabel(`Label of rule ${position + 1}`).fill(label);
      await page.getByLabel(`Condition of rule ${position + 1}`).fill(condition);
    }
    await page.getByLabel('Label when no rule matches').fill('General');
    await nameAndSave(page, 'Tier', 'Customer tier');
    expect(
      await page
        .locator('[data-testid^="field-row-"]')
        .evaluateAll((rows) => rows.map((row) => row.dataset.testid)),
    ).toEqual([
      'field-row-Name',
      'field-row-Total spend',
      'field-row-Orders',
      'field-row-Last purchase',
      'field-row-Days since purchase',
      'field-row-Customer tier',
    ]);

    // Import the CSV; the four broken rows are skipped and named in the report, exactly.
    await page.getByRole('tab', { name: 'Grid' }).click();
    const list1000 = customers();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(list1000)),
    });
    await dialog.getByText('Skip the whole row and report it').click();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('996 records imported.').waitFor({ timeout: 30_000 });
    const reportRows = await dialog
      .getByRole('table')
      .last()
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect([...new Set(reportRows.map(Number))]).toEqual([101, 251, 601, 901]);
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await page.getByText('996 records').waitFor();

    // Group by tier: each group's count is the count computed here from the rows that were imported.
    const imported = list1000.filter((_, at) => BROKEN[at] === undefined);
    const expected: Record<string, number> = {};
    for (const customer of imported) expected[tierOf(customer)] = (expected[tierOf(customer)] ?? 0) + 1;
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Customer tier' });
    await page.getByRole('button', { name: 'Collapse all groups' }).click();
    expect(await groupCounts(page)).toEqual(expected);

    // Edit one General customer's spend to 20,000: the tier becomes High value.
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'No grouping' });
    const general = imported.find((customer) => tierOf(customer) === 'General');
    if (!general) throw new Error('the data has no General customer');
    await page.getByLabel('Search').fill(general.name);
    await page.getByText('1 of 996 records').waitFor();
    expect(await (await cellOf(page, 'Customer tier')).textContent()).toBe('General');
    await (await cellOf(page, 'Total spend')).click();
    await page.keyboard.type('20000');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await cellOf(page, 'Customer tier')).textContent()).toBe('High value');
    expect(await (await cellOf(page, 'Days since purchase')).textContent()).toMatch(/^[\d,]+$/);

    // Offline, reload: the fields, the records, the edit and the saved grouping are all still there.
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Customer tier' });
    await page.getByText('996 records').waitFor();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Collapse all groups' }).click();
    const afterEdit: Record<string, number> = { ...expected, General: (expected.General ?? 0) - 1 };
    afterEdit['High value'] = (afterEdit['High value'] ?? 0) + 1;
    expect(await groupCounts(page)).toEqual(afterEdit);
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'No grouping' });
    await page.getByLabel('Search').fill(general.name);
    await page.getByText('1 of 996 records').waitFor();
    expect(await (await cellOf(page, 'Total spend')).textContent()).toContain('20,000');
    expect(await (await cellOf(page, 'Customer tier')).textContent()).toBe('High value');

    await closeSession(session);
  });
});
