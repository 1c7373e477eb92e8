// A run's parameters as the CLI shows them: `history` a compact line with what differs from
// the defaults, `show` every one with the defaults it changed. seed and time unit apart.
import { availableParallelism } from 'node:os';
import type { ParamSpec } from '../../shared/scenario-meta';
import { findScenario } from '../scenarios/registry';

type Params = Record<string, unknown>;
const COMMON = new Set(['seed', 'timeUnitMs']);

function defaultOf(spec: ParamSpec): unknown {
  return spec.type === 'int' && spec.default === 'cpu2' ? Math.min(availableParallelism() * 2, spec.max) : spec.default;
}

/** The scenario's own parameters with their defaults (empty for a scenario this version does not know). */
function specsOf(scenario: string): ParamSpec[] {
  return findScenario(scenario)?.meta.params ?? [];
}

/** `name=value` for each parameter that differs from its default, in the catalogue's order. */
export function changedParams(scenario: string, params: Params): string[] {
  const specs = specsOf(scenario);
  const known = new Set(specs.map((s) => s.name));
  return [
    ...specs.filter((s) => s.name in params && params[s.name] !== defaultOf(s)).map((s) => `${s.name}=${String(params[s.name])}`),
    // A parameter this version no longer knows: shown, since nothing says it was the default.
    ...Object.keys(params).filter((k) => !known.has(k) && !COMMON.has(k)).map((k) => `${k}=${String(params[k])}`),
  ];
}

/** history: "seed 7 · 5 ms · iterations=5 childExits=false". */
export function compactParams(scenario: string, params: Params, seed: number, timeUnitMs: number): string {
  return [`seed ${seed}`, `${timeUnitMs} ms`, ...changedParams(scenario, params)].join(' · ');
}

/** show: every parameter, a changed one with its default; then seed and time unit. */
export function fullParams(scenario: string, params: Params): string[] {
  const specs = specsOf(scenario);
  const known = new Set(specs.map((s) => s.name));
  const each = [
    ...specs.filter((s) => s.name in params).map((s) => {
      const d = defaultOf(s);
      return `${s.name}=${String(params[s.name])}${params[s.name] === d ? '' : ` (default ${String(d)})`}`;
    }),
    ...Object.keys(params).filter((k) => !known.has(k) && !COMMON.has(k)).map((k) => `${k}=${String(params[k])}`),
  ];
  return [
    `parameters: ${each.length ? each.join(', ') : '(none)'}`,
    `seed ${String(params.seed)}, time unit ${String(params.timeUnitMs)} ms (one second of the original example)`,
  ];
}
