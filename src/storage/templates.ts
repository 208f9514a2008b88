// Installs a template document: validated first, then its apps and sample records are added under fresh ids in one
// transaction, so a broken template adds nothing.
import { cloneAppsWithFreshIds, validateTemplateDocument, type Problem } from '../engine';
import { err, ok, type Result } from '../shared/result';
import { splitApp } from './assemble';
import type { LiucunDatabase } from './database';
import type { DefinitionsRepository, Environment } from './definitions';
import { toRecordRow } from './rows';
import { writeTransaction } from './write';

export class TemplatesRepository {
  constructor(
    private readonly db: LiucunDatabase,
    private readonly env: Environment,
    private readonly definitions: DefinitionsRepository,
  ) {}

  /** Returns the ids of the installed apps, or every problem of the document. */
  async installTemplate(input: unknown): Promise<Result<string[], Problem[]>> {
    const validated = validateTemplateDocument(input);
    if (!validated.ok) return err(validated.error);
    const { db } = this;
    const cloned = cloneAppsWithFreshIds(validated.value.apps, validated.value.records, {
      newId: this.env.newId,
      now: this.env.now(),
    });
    await writeTransaction(
      db,
      [db.apps, db.tableDefs, db.forms, db.automations, db.dashboards, db.records],
      async () => {
        let order = await this.definitions.nextAppOrder();
        for (const app of cloned.apps) await this.definitions.putApp(splitApp(app, order++));
        await db.records.bulkAdd(cloned.records.map(toRecordRow));
      },
    );
    return ok(cloned.apps.map((app) => app.id));
  }
}
