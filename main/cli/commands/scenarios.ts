// `lab scenarios [--json]`: the catalogue as the service gives it, defaults that depend on
// the machine (cpu_count()*2) resolved for this one.
import { describeAllowed } from '../../../shared/params';
import { answer } from '../answers';
import { parseCommand } from '../args';
import type { Io } from '../io';
import { withLab } from '../open-lab';
import { COMMON_PARAM_NAMES } from '../scenario-book';
import { UsageError } from '../usage-error';

export const SCENARIOS_USAGE = 'lab scenarios [--json]';

export async function scenariosCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } }, SCENARIOS_USAGE);
  if (positionals.length) throw new UsageError(`scenarios takes no argument, got "${positionals[0]}"\nusage: ${SCENARIOS_USAGE}`);
  return withLab(io, { history: 'none' }, async (lab) => {
    const scenarios = answer(lab.scenarios());
    if (values.json) { io.out(JSON.stringify(scenarios)); return 0; }
    for (const s of scenarios) {
      io.out(`${s.id.padEnd(20)} ${s.title}${s.flagship ? '  ★' : ''}`);
      for (const p of s.params) {
        if (COMMON_PARAM_NAMES.has(p.name)) continue;
        const machine = p.type === 'int' && p.machineDefault ? `; default ${p.machineDefault}` : '';
        io.out(`${''.padEnd(22)}${p.name}=${String(p.default)}  (${describeAllowed(p)}${machine})`);
      }
    }
    return 0;
  });
}
