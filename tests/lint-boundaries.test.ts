// The layout's import boundaries (eslint.config.mjs) really fire.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });

/** The boundary rules: ESLint's, and typescript-eslint's where type-only imports are allowed. */
const BOUNDARY_RULES = ['no-restricted-imports', '@typescript-eslint/no-restricted-imports'];

async function restricted(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '..', file) });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`${file}: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.some((m) => m.ruleId !== null && BOUNDARY_RULES.includes(m.ruleId));
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

  // Host and worker processes: worker and program code never imports host code, host code
  // never imports worker code; the programs students read import only the lab API's types.
  it.each([
    ['main/worker/x.ts', "import type { ExitStatus } from '../core/kernel/kernel-ops';"],
    ['main/worker/x.ts', "import { findScenario } from '../scenarios/checks/registry';"],
    ['main/worker/x.ts', "import { run } from '../cli/lab';"],
    ['main/scenarios/programs/x.ts', "import { judge } from '../../core/runs/build-report';"],
    ['main/scenarios/programs/x.ts', "import { completion } from '../checks/judging';"],
    ['main/scenarios/programs/x.ts', "import { serve } from '../../shell/shell-main';"],
    ['main/scenarios/programs/x.ts', "import { UtilityProcessPort } from '../../electron/utility-process-port';"],
    ['main/scenarios/internal/programs/x.ts', "import type { RunRecord } from '../../../core/runs/run-record';"],
    ['main/scenarios/internal/programs/probes/x.ts', "import { probe } from '../../checks/probe';"],
    ['main/scenarios/programs/x.ts', "import { Lab } from '../../worker/lab';"],
    ['main/scenarios/programs/x.ts', "import { sendRawText } from '../../worker/host-channel';"],
    ['main/scenarios/programs/x.ts', "import { MAX_ITEM_BYTES } from '../../protocol/limits';"],
    ['main/scenarios/programs/x.ts', "import { probePrograms } from '../internal/programs/probe';"],
    ['main/scenarios/programs/x.ts', "import { readFileSync } from 'node:fs';"],
    ['main/core/x.ts', "import type { Lab } from '../worker/lab';"],
    ['main/core/runs/x.ts', "import { findPrograms } from '../../scenarios/programs/registry';"],
    ['main/scenarios/checks/x.ts', "import { defaultChunksize } from '../../worker/pool';"],
    ['main/scenarios/checks/x.ts', "import type { Queue } from '../../worker/handles';"],
    ['main/scenarios/checks/x.ts', "import { forkLoopPrograms } from '../programs/fork-loop';"],
    ['main/scenarios/internal/checks/x.ts', "import { INTERNAL_PROGRAMS } from '../programs';"],
    ['main/cli/x.ts', "import { Lab } from '../worker/lab';"],
    ['main/shell/x.ts', "import { KernelClient } from '../worker/kernel-client';"],
    ['main/bench/x.ts', "import { BENCH_WORKLOADS } from '../scenarios/internal/programs/bench-workloads';"],
    ['main/start/x.ts', "import { connectToHost } from '../worker/host-channel';"],
    ['main/electron/x.ts', "import { connectToHost } from '../worker/host-channel';"],
    ['main/protocol/x.ts', "import type { Kernel } from '../core/kernel/kernel';"],
    ['main/protocol/x.ts', "import type { Lab } from '../worker/lab';"],
    ['main/scenarios/internal/x.ts', "import { probePrograms } from './programs/probe';"],
    ['main/scenarios/internal/x.ts', "import { probe } from './checks/probe';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const used = 1;\n`)).toBe(true);
  });

  it.each([
    ['main/scenarios/programs/x.ts', "import type { Lab } from '../../worker/lab';"],
    ['main/scenarios/programs/x.ts', "import type { Queue } from '../../worker/handles';"],
    ['main/scenarios/programs/x.ts', "import { forkLoopMeta } from '../../../shared/scenarios/fork-loop';"],
    ['main/scenarios/programs/x.ts', "import { definePrograms } from './program';"],
    ['main/scenarios/programs/registry.ts', "import { INTERNAL_PROGRAMS } from '../internal/programs';"],
    ['main/scenarios/internal/programs/x.ts', "import { sendRawText } from '../../../worker/host-channel';"],
    ['main/scenarios/internal/programs/x.ts', "import { MAX_ITEM_BYTES } from '../../../protocol/limits';"],
    ['main/worker/x.ts', "import { findPrograms } from '../scenarios/programs/registry';"],
    ['main/worker/x.ts', "import type { ExitStatus } from '../protocol/worker-protocol';"],
    ['main/scenarios/checks/x.ts', "import { defaultChunksize } from '../../protocol/pool-protocol';"],
    ['main/scenarios/checks/x.ts', "import type { RunRecord } from '../../core/runs/run-record';"],
    ['main/scenarios/checks/registry.ts', "import { INTERNAL_SCENARIOS } from '../internal/checks';"],
    ['main/core/runs/x.ts', "import { findScenario } from '../../scenarios/checks/registry';"],
    ['main/bench/x.ts', "import type { Measurement } from '../scenarios/internal/bench-meta';"],
    ['main/scenarios/internal/x.ts', "import { defineMeta } from '../../../shared/scenario-meta';"],
    ['main/protocol/x.ts', "import { MAX_NESTING } from './limits';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const used = 1;\n`)).toBe(false);
  });
});
