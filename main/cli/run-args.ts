// Parses `lab run <id> [--set name=value ...] [--time-unit-ms N] [--seed N] [--timeout-s N] [--json]`
// in two steps: the words (readRunArgs, before any service exists, since --db picks its
// history), then their meaning against the scenario's parameters (runRequest).
import type { StartArgs } from '../../shared/contract';
import { parseParamText } from '../../shared/params';
import { UsageError } from './usage-error';
import { parseCommand } from './args';
import type { ScenarioBook } from './scenario-book';

export const RUN_USAGE = 'lab run <scenario> [--set name=value ...] [--time-unit-ms N] [--seed N] [--timeout-s N] [--json] [--db PATH] [--no-store]';

export interface RunArgs {
  positionals: string[];
  /** The --set items, --time-unit-ms and --seed as written. */
  sets: string[];
  timeUnitMs?: string;
  seed?: string;
  timeoutS?: number;
  json: boolean;
  db?: string;
  store: boolean;
}

export function readRunArgs(argv: string[]): RunArgs {
  const { values, positionals } = parseCommand(argv, {
    set: { type: 'string', multiple: true },
    'time-unit-ms': { type: 'string' },
    seed: { type: 'string' },
    'timeout-s': { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
    'no-store': { type: 'boolean' },
  }, RUN_USAGE);
  let timeoutS: number | undefined;
  if (values['timeout-s'] !== undefined) {
    timeoutS = Number(values['timeout-s']);
    if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new UsageError(`--timeout-s takes a number of seconds > 0, got "${values['timeout-s']}"`);
  }
  return { positionals, sets: values.set ?? [], timeUnitMs: values['time-unit-ms'], seed: values.seed, timeoutS, json: values.json === true, db: values.db, store: values['no-store'] !== true };
}

/** The start request: the scenario checked, each parameter typed, given once. */
export function runRequest(args: RunArgs, book: ScenarioBook): StartArgs {
  const ids = book.ids().join(', ');
  if (args.positionals.length !== 1) throw new UsageError(`run needs exactly one scenario id; valid ids: ${ids}`);
  const scenario = book.find(args.positionals[0]);
  if (!scenario) throw new UsageError(`unknown scenario "${args.positionals[0]}"; valid ids: ${ids}`);
  const own = book.ownParams(scenario.id);
  const params: NonNullable<StartArgs['params']> = {};
  const givenAs = new Map<string, string>(); // parameter -> how it was given, to name a repeat
  const put = (name: string, text: string, as: string) => {
    const spec = scenario.params.find((s) => s.name === name);
    if (!spec) throw new UsageError(`unknown parameter "${name}" for ${scenario.id}; it takes: ${own.map((s) => s.name).join(', ') || '(none)'}`);
    const before = givenAs.get(name);
    if (before !== undefined) throw new UsageError(`parameter "${name}" is given twice (${before} and ${as}); give it once`);
    givenAs.set(name, as);
    const v = parseParamText(spec, text);
    if (typeof v === 'object') throw new UsageError(v.message);
    params[name] = v;
  };
  for (const item of args.sets) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes name=value, got "${item}"`);
    put(item.slice(0, eq), item.slice(eq + 1), `--set ${item}`);
  }
  if (args.timeUnitMs !== undefined) put('timeUnitMs', args.timeUnitMs, `--time-unit-ms ${args.timeUnitMs}`);
  if (args.seed !== undefined) put('seed', args.seed, `--seed ${args.seed}`);
  return { scenario: scenario.id, params, ...(args.timeoutS !== undefined ? { timeoutS: args.timeoutS } : {}) };
}
