// A run's parameters as the CLI shows them: `history` a compact line with what differs from
// the defaults, `show` every one with the defaults it changed. seed and time unit apart.
// `specs`: the scenario's own parameters, defaults resolved for this machine (ScenarioBook).
import type { ResolvedParam } from '../../shared/contract';
import { COMMON_PARAM_NAMES } from './scenario-book';

type Params = Record<string, unknown>;

/** `name=value` for each parameter that differs from its default, in the catalogue's order. */
export function changedParams(specs: readonly ResolvedParam[], params: Params): string[] {
  const known = new Set(specs.map((s) => s.name));
  return [
    ...specs.filter((s) => s.name in params && params[s.name] !== s.default).map((s) => `${s.name}=${String(params[s.name])}`),
    // A parameter this version no longer knows: shown, since nothing says it was the default.
    ...Object.keys(params).filter((k) => !known.has(k) && !COMMON_PARAM_NAMES.has(k)).map((k) => `${k}=${String(params[k])}`),
  ];
}

/** history: "seed 7 · 5 ms · iterations=5 childExits=false". */
export function compactParams(specs: readonly ResolvedParam[], params: Params, seed: number, timeUnitMs: number): string {
  return [`seed ${seed}`, `${timeUnitMs} ms`, ...changedParams(specs, params)].join(' · ');
}

/** show: every parameter, a changed one with its default; then seed and time unit. */
export function fullParams(specs: readonly ResolvedParam[], params: Params): string[] {
  const known = new Set(specs.map((s) => s.name));
  const each = [
    ...specs.filter((s) => s.name in params).map((s) => `${s.name}=${String(params[s.name])}${params[s.name] === s.default ? '' : ` (default ${String(s.default)})`}`),
    ...Object.keys(params).filter((k) => !known.has(k) && !COMMON_PARAM_NAMES.has(k)).map((k) => `${k}=${String(params[k])}`),
  ];
  return [
    `parameters: ${each.length ? each.join(', ') : '(none)'}`,
    `seed ${String(params.seed)}, time unit ${String(params.timeUnitMs)} ms (one second of the original example)`,
  ];
}
