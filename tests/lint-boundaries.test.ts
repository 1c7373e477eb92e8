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
    ['renderer/app/lib/x.ts', "import { LabService } from '../../../main/core/service/lab-service';"],
    ['renderer/app/state/x.svelte.ts', "import { LabService } from '../../../main/core/service/lab-service';"],
    ['main/core/x.ts', "import { app } from 'electron';"],
    ['main/cli/x.ts', "import { UtilityProcessPort } from '../electron/utility-process-port';"],
    ['main/electron/x.ts', "import { thing } from '../../renderer/thing';"],
    ['shared/x.ts', "import { Kernel } from '../main/core/kernel/kernel';"],
    ['shared/scenarios/x.ts', "import { readFileSync } from 'node:fs';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const used = 1;\n`)).toBe(true);
  });

  it('renderer/app/components/X.svelte may not import main/', async () => {
    const code = "<script lang=\"ts\">\n  import { LabService } from '../../../main/core/service/lab-service';\n  export const used = LabService;\n</script>\n";
    expect(await restricted('renderer/app/components/X.svelte', code)).toBe(true);
    const fine = "<script lang=\"ts\">\n  import type { LabEvent } from '../../../shared/contract';\n  let e: LabEvent | null = $state(null);\n</script>\n<p>{e?.seq}</p>\n";
    expect(await restricted('renderer/app/components/X.svelte', fine)).toBe(false);
  });

  it.each([
    ['main/electron/x.ts', "import { app } from 'electron';"],
    ['main/core/x.ts', "import type { LabEvent } from '../../shared/events';"],
    ['shared/scenarios/x.ts', "import type { ScenarioMeta } from '../scenario-meta';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const used = 1;\n`)).toBe(false);
  });
});
