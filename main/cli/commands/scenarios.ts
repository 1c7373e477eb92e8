// `lab scenarios [--json]`: the catalogue.
import { SCENARIO_CATALOGUE } from '../../../shared/scenarios';
import { describeAllowed } from '../../../shared/params';

export function scenariosCommand(json: boolean, out: (s: string) => void): number {
  if (json) {
    out(JSON.stringify(SCENARIO_CATALOGUE.map((s) => ({ id: s.id, title: s.title, seed: s.seed, flagship: s.flagship, concepts: s.concepts, params: s.params }))));
    return 0;
  }
  for (const s of SCENARIO_CATALOGUE) {
    out(`${s.id.padEnd(20)} ${s.title}${s.flagship ? '  ★' : ''}`);
    for (const p of s.params) out(`${''.padEnd(22)}${p.name}=${String(p.default === 'cpu2' ? 'cpu_count*2' : p.default)}  (${describeAllowed(p)})`);
  }
  return 0;
}
