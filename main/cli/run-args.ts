// Parses `lab run <id> [--set name=value ...] [--time-unit-ms N] [--seed N] [--timeout-s N] [--json]`.
import { COMMON_PARAMS } from '../../shared/scenario-meta';
import { parseParamText } from '../../shared/params';
import { findScenario, SCENARIOS } from '../scenarios/registry';
import type { RunRequest } from '../core/runs/run-request';
import { UsageError } from './usage-error';
import { parseCommand } from './args';

export const RUN_USAGE = 'lab run <scenario> [--set name=value ...] [--time-unit-ms N] [--seed N] [--timeout-s N] [--json] [--db PATH] [--no-store]';

export interface RunArgs { request: RunRequest; json: boolean; db?: string; store: boolean }

export function parseRunArgs(argv: string[]): RunArgs {
  const { values, positionals } = parseCommand(argv, {
    set: { type: 'string', multiple: true },
    'time-unit-ms': { type: 'string' },
    seed: { type: 'string' },
    'timeout-s': { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
    'no-store': { type: 'boolean' },
  }, RUN_USAGE);
  const ids = SCENARIOS.map((s) => s.meta.id).join(', ');
  if (positionals.length !== 1) throw new UsageError(`run needs exactly one scenario id; valid ids: ${ids}`);
  const scenario = findScenario(positionals[0]);
  if (!scenario) throw new UsageError(`unknown scenario "${positionals[0]}"; valid ids: ${ids}`);

  const specs = [...scenario.meta.params, ...COMMON_PARAMS];
  const params: Record<string, unknown> = {};
  const givenAs = new Map<string, string>(); // parameter -> how it was given, to name a repeat
  const put = (name: string, text: string, as: string) => {
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new UsageError(`unknown parameter "${name}" for ${scenario.meta.id}; it takes: ${scenario.meta.params.map((s) => s.name).join(', ') || '(none)'}`);
    const before = givenAs.get(name);
    if (before !== undefined) throw new UsageError(`parameter "${name}" is given twice (${before} and ${as}); give it once`);
    givenAs.set(name, as);
    const v = parseParamText(spec, text);
    if (typeof v === 'object') throw new UsageError(v.message);
    params[name] = v;
  };
  for (const item of values.set ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes name=value, got "${item}"`);
    put(item.slice(0, eq), item.slice(eq + 1), `--set ${item}`);
  }
  if (values['time-unit-ms'] !== undefined) put('timeUnitMs', values['time-unit-ms'], `--time-unit-ms ${values['time-unit-ms']}`);
  if (values.seed !== undefined) put('seed', values.seed, `--seed ${values.seed}`);
  let timeoutS: number | undefined;
  if (values['timeout-s'] !== undefined) {
    timeoutS = Number(values['timeout-s']);
    if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new UsageError(`--timeout-s takes a number of seconds > 0, got "${values['timeout-s']}"`);
  }
  return { request: { scenario: scenario.meta.id, params, timeoutS }, json: values.json === true, db: values.db, store: values['no-store'] !== true };
}
