// Installing a template document: validated first, then added under fresh ids in one transaction — or not at all.
import { describe, expect, it } from 'vitest';
import templateV2 from '../fixtures/template-v2.json';
import { openTestStorage } from './support';

function template(): typeof templateV2 {
  return structuredClone(templateV2);
}

describe('installing a template', () => {
  it('adds its apps, tables and sample records under fresh ids', async () => {
    const { storage } = await openTestStorage({ idPrefix: 'fresh' });
    await storage.definitions.createApp({ name: 'Existing' });
    const installed = await storage.templates.installTemplate(template());
    expect(installed.ok).toBe(true);
    if (!installed.ok) return;

    const exported = await storage.backup.exportWorkspace();
    expect(exported.workspace.apps.map((app) => app.name)).toEqual([
      'Existing',
      ...templateV2.apps.map((app) => app.name),
    ]);
    const [, app] = exported.workspace.apps;
    expect(app?.id).toBe(installed.value[0]);
    const originalIds = new Set(
      templateV2.apps.flatMap((source) => [source.id, ...source.tables.map((table) => table.id)]),
    );
    expect(originalIds.has(app?.id ?? '')).toBe(false);
    const tableIds = new Set(app?.tables.map((table) => table.id));
    expect(app?.tables.every((table) => !originalIds.has(table.id))).toBe(true);
    const liveSampleRecords = templateV2.records.filter((record) => !record.deleted);
    expect(exported.records).toHaveLength(liveSampleRecords.length);
    expect(exported.records.every((record) => tableIds.has(record.tableId))).toBe(true);
  });

  it('installs the same template twice as two independent copies', async () => {
    const { storage } = await openTestStorage({ idPrefix: 'twice' });
    const first = await storage.templates.installTemplate(template());
    const second = await storage.templates.installTemplate(template());
    expect(first.ok && second.ok).toBe(true);
    const exported = await storage.backup.exportWorkspace();
    expect(exported.workspace.apps).toHaveLength(2 * templateV2.apps.length);
    expect(new Set(exported.workspace.apps.map((app) => app.id)).size).toBe(exported.workspace.apps.length);
  });

  it('adds nothing when the template has a problem, and reports where', async () => {
    const { storage } = await openTestStorage({ idPrefix: 'bad' });
    await storage.definitions.createApp({ name: 'Existing' });
    const before = await storage.backup.exportWorkspace();
    const broken: unknown = template();
    const firstTable = (broken as { apps: { tables: { fields: unknown }[] }[] }).apps[0]?.tables[0];
    if (!firstTable) throw new Error('the template fixture has no table');
    firstTable.fields = [{ id: 'f', name: 'F', kind: 'hologram' }];
    const installed = await storage.templates.installTemplate(broken);
    expect(installed.ok).toBe(false);
    if (!installed.ok)
      expect(installed.error.map((problem) => problem.path)).toContain('$.apps[0].tables[0].fields[0].kind');
    const after = await storage.backup.exportWorkspace();
    expect({ ...after, exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
  });
});
