// The catalogue as the service hands it out: defaults that depend on the machine
// (cpu_count()*2 in the seeds) resolved to this machine's numbers.
import { availableParallelism } from 'node:os';
import type { ResolvedParam, ScenarioInfo } from '../../../shared/contract';
import { COMMON_PARAMS, type ParamSpec, type ScenarioMeta } from '../../../shared/scenario-meta';
import { SCENARIO_CATALOGUE } from '../../../shared/scenarios';
import { findScenario } from '../../scenarios/checks/registry';

export function resolveParamSpec(spec: ParamSpec, cpuCount = availableParallelism()): ResolvedParam {
  if (spec.type === 'int' && spec.default === 'cpu2') {
    return { ...spec, default: Math.min(cpuCount * 2, spec.max), machineDefault: `cpu_count()*2 on this machine (${cpuCount} cores)` };
  }
  if (spec.type === 'enum') return { ...spec, values: [...spec.values] };
  return spec as ResolvedParam;
}

export function scenarioList(cpuCount = availableParallelism()): ScenarioInfo[] {
  return SCENARIO_CATALOGUE.map((m) => scenarioInfo(m, cpuCount));
}

/** One scenario by id: a catalogue one, or an internal one (self-tests, benchmarks), which runs like any other but is not listed. */
export function findScenarioInfo(id: string, cpuCount = availableParallelism()): ScenarioInfo | undefined {
  const meta = findScenario(id)?.meta;
  return meta ? scenarioInfo(meta, cpuCount) : undefined;
}

function scenarioInfo(m: ScenarioMeta, cpuCount: number): ScenarioInfo {
  return {
    id: m.id, title: m.title, seed: m.seed, concepts: m.concepts, flagship: m.flagship, topic: m.topic,
    params: [...m.params, ...COMMON_PARAMS].map((p) => resolveParamSpec(p, cpuCount)),
    explanation: m.explanation, watch: m.watch, pitfalls: m.pitfalls,
    ...(m.predict ? { predict: m.predict } : {}),
  };
}
