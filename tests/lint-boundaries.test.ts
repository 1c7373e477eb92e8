// The layout's import boundaries (eslint.config.mjs) really fire.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });

async function restricted(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '..', file) });
  return result.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('import boundaries', () => {
  it.each([
    ['renderer/app.ts', "import { Kernel } from '../main/core/kernel/kernel';"],
    ['main/core/x.ts', "import { app } from 'electron';"],
    ['main/cli/x.ts', "import { UtilityProcessPort } from '../electron/utility-process-port';"],
    ['main/electron/x.ts', "import { thing } from '../../renderer/thing';"],
    ['shared/x.ts', "import { Kernel } from '../main/core/kernel/kernel';"],
    ['shared/scenarios/x.ts', "import { readFileSync } from 'node:fs';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const used = 1;\n`)).toBe(true);
  });

  it.each([
    ['main/electron/x.ts', "import { app } from 'electron';"],
    ['main/core/x.ts', "import type { LabEvent } from '../../shared/events';"],
    ['shared/scenarios/x.ts', "import type { ScenarioMeta } from '../scenario-meta';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const used = 1;\n`)).toBe(false);
  });
});
