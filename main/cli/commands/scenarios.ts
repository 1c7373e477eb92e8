// `lab scenarios [--json]`: the catalogue.
import { SCENARIO_CATALOGUE } from '../../../shared/scenarios';
import { describeAllowed } from '../../../shared/params';
import { parseCommand } from '../args';
import { UsageError } from '../usage-error';

export const SCENARIOS_USAGE = 'lab scenarios [--json]';

export function scenariosCommand(argv: string[], out: (s: string) => void): number {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } }, SCENARIOS_USAGE);
  if (positionals.length) throw new UsageError(`scenarios takes no argument, got "${positionals[0]}"\nusage: ${SCENARIOS_USAGE}`);
  if (values.json) {
    out(JSON.stringify(SCENARIO_CATALOGUE.map((s) => ({ id: s.id, title: s.title, seed: s.seed, flagship: s.flagship, concepts: s.concepts, params: s.params }))));
    return 0;
  }
  for (const s of SCENARIO_CATALOGUE) {
    out(`${s.id.padEnd(20)} ${s.title}${s.flagship ? '  ★' : ''}`);
    for (const p of s.params) out(`${''.padEnd(22)}${p.name}=${String(p.default === 'cpu2' ? 'cpu_count*2' : p.default)}  (${describeAllowed(p)})`);
  }
  return 0;
}
