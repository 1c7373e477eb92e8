// The parameter form of one scenario: each field's input, its check (the back end's rules),
// the prediction, and the start request they make. Kept per scenario while the app is open,
// so going back to a scenario finds the values as they were left.
import type { ResolvedParam, ScenarioInfo, StartArgs } from '../../../shared/contract';
import { checkField, initialInput, type FieldCheck } from '../lib/param-field';

export class ScenarioForm {
  inputs = $state<Record<string, string | boolean>>({});
  guess = $state('');
  // Getters, not $derived: a form outlives the view that made it (kept per scenario), and a
  // derived created while a component runs is torn down with that component.
  get checks(): Record<string, FieldCheck> {
    return Object.fromEntries(this.scenario.params.map((p) => [p.name, checkField(p, this.inputs[p.name] ?? initialInput(p))]));
  }
  get problems(): { name: string; message: string }[] {
    return Object.entries(this.checks).flatMap(([name, c]) => (c.ok ? [] : [{ name, message: c.message }]));
  }
  get valid(): boolean { return this.problems.length === 0; }
  readonly scenario: ScenarioInfo;

  constructor(scenario: ScenarioInfo) {
    this.scenario = scenario;
    this.reset();
  }

  reset(): void {
    this.inputs = Object.fromEntries(this.scenario.params.map((p) => [p.name, initialInput(p)]));
  }

  /** The scenario's own parameters, then the run settings every scenario has. */
  get own(): ResolvedParam[] { return this.scenario.params.filter((p) => !RUN_SETTINGS.has(p.name)); }
  get settings(): ResolvedParam[] { return this.scenario.params.filter((p) => RUN_SETTINGS.has(p.name)); }

  /** The start request; only call it when the form is valid. */
  startArgs(): StartArgs {
    const params: Record<string, number | boolean | string> = {};
    for (const p of this.scenario.params) {
      const c = this.checks[p.name];
      if (c.ok && c.value !== undefined) params[p.name] = c.value;
    }
    const guess = this.guess.trim();
    return { scenario: this.scenario.id, params, ...(guess ? { guess } : {}) };
  }
}

/** Parameters shown under "Run settings" rather than with the scenario's own. */
export const RUN_SETTINGS = new Set(['timeUnitMs', 'seed', 'startMethod']);

const forms = new Map<string, ScenarioForm>();

export function formFor(scenario: ScenarioInfo): ScenarioForm {
  let f = forms.get(scenario.id);
  if (!f) { f = new ScenarioForm(scenario); forms.set(scenario.id, f); }
  return f;
}
