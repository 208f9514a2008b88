// The layer rules of DESIGN.md are enforced by lint: these cases must be reported (and the allowed ones must not).
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  // Type information is not needed for import rules; virtual files are not part of the TypeScript project.
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function importViolations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === 'no-restricted-imports' ||
        message.ruleId === 'no-restricted-properties' ||
        message.ruleId === 'no-restricted-globals',
    )
    .map((message) => message.message);
}

describe('layer rules', () => {
  it('forbid the engine from importing React, Dexie or storage, and from reading the clock', async () => {
    expect(await importViolations('src/engine/model/probe.ts', "import 'react';\nexport {};")).toHaveLength(
      1,
    );
    expect(await importViolations('src/engine/model/probe.ts', "import 'dexie';\nexport {};")).toHaveLength(
      1,
    );
    expect(
      await importViolations('src/engine/model/probe.ts', "import '../../storage/database';\nexport {};"),
    ).toHaveLength(1);
    expect(
      await importViolations('src/engine/model/probe.ts', 'export const now = Date.now();'),
    ).toHaveLength(1);
    expect(
      await importViolations(
        'src/engine/model/probe.ts',
        "import './app';\nimport '../../shared/ids';\nexport {};",
      ),
    ).toEqual([]);
  });

  it('forbid features from importing storage, Dexie or another feature', async () => {
    expect(
      await importViolations('src/features/apps/probe.tsx', "import '../../storage';\nexport {};"),
    ).toHaveLength(1);
    expect(await importViolations('src/features/apps/probe.tsx', "import 'dexie';\nexport {};")).toHaveLength(
      1,
    );
    expect(
      await importViolations('src/features/apps/probe.tsx', "import '../tables/tables-page';\nexport {};"),
    ).toHaveLength(1);
    expect(
      await importViolations(
        'src/features/apps/probe.tsx',
        "import '../../stores/workspace-store';\nimport '../../ui';\nimport '../../engine';\nexport {};",
      ),
    ).toEqual([]);
  });

  it('keep Dexie inside storage', async () => {
    expect(await importViolations('src/stores/probe.ts', "import 'dexie';\nexport {};")).toHaveLength(1);
    expect(
      await importViolations('src/ui/probe.tsx', "import '../stores/workspace-store';\nexport {};"),
    ).toHaveLength(1);
    expect(
      await importViolations('src/storage/probe.ts', "import 'dexie';\nimport '../engine';\nexport {};"),
    ).toEqual([]);
  });
});
