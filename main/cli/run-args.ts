// Parses `lab run <id> [--set name=value ...] [--time-unit-ms N] [--seed N] [--timeout-s N] [--json]`.
import { parseArgs } from 'node:util';
import { COMMON_PARAMS } from '../../shared/scenario-meta';
import { parseParamText } from '../../shared/params';
import { findScenario, SCENARIOS } from '../scenarios/registry';
import type { RunRequest } from '../core/runs/run-request';
import { UsageError } from './usage-error';

export interface RunArgs { request: RunRequest; json: boolean }

export function parseRunArgs(argv: string[]): RunArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        set: { type: 'string', multiple: true },
        'time-unit-ms': { type: 'string' },
        seed: { type: 'string' },
        'timeout-s': { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\nusage: lab run <scenario> [--set name=value ...] [--time-unit-ms N] [--seed N] [--timeout-s N] [--json]`);
  }
  const { values, positionals } = parsed;
  const ids = SCENARIOS.map((s) => s.meta.id).join(', ');
  if (positionals.length !== 1) throw new UsageError(`run needs exactly one scenario id; valid ids: ${ids}`);
  const scenario = findScenario(positionals[0]);
  if (!scenario) throw new UsageError(`unknown scenario "${positionals[0]}"; valid ids: ${ids}`);

  const specs = [...scenario.meta.params, ...COMMON_PARAMS];
  const params: Record<string, unknown> = {};
  const put = (name: string, text: string) => {
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new UsageError(`unknown parameter "${name}" for ${scenario.meta.id}; it takes: ${scenario.meta.params.map((s) => s.name).join(', ') || '(none)'}`);
    const v = parseParamText(spec, text);
    if (typeof v === 'object') throw new UsageError(v.message);
    params[name] = v;
  };
  for (const item of values.set ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes name=value, got "${item}"`);
    put(item.slice(0, eq), item.slice(eq + 1));
  }
  if (values['time-unit-ms'] !== undefined) put('timeUnitMs', values['time-unit-ms']);
  if (values.seed !== undefined) put('seed', values.seed);
  let timeoutS: number | undefined;
  if (values['timeout-s'] !== undefined) {
    timeoutS = Number(values['timeout-s']);
    if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new UsageError(`--timeout-s takes a number of seconds > 0, got "${values['timeout-s']}"`);
  }
  return { request: { scenario: scenario.meta.id, params, timeoutS }, json: values.json === true };
}
