// The scenarios as the service describes them, for checking what a command names and for
// showing parameters: the catalogue's ids, and each scenario's own parameters (the common
// ones, seed and time unit, apart) with defaults resolved for this machine.
import type { ResolvedParam, ScenarioInfo } from '../../shared/contract';
import { COMMON_PARAMS } from '../../shared/scenario-meta';
import type { LabService } from '../core/service/lab-service';

const COMMON = new Set(COMMON_PARAMS.map((p) => p.name));

export class ScenarioBook {
  private readonly found = new Map<string, ScenarioInfo | undefined>();

  constructor(private readonly lab: LabService) {}

  /** The catalogue's ids, in its order. */
  ids(): string[] {
    const r = this.lab.scenarios();
    return r.ok ? r.value.map((s) => s.id) : [];
  }

  /** A listed or internal scenario (a self-test runs too), or undefined. */
  find(id: string): ScenarioInfo | undefined {
    if (!this.found.has(id)) {
      const r = this.lab.scenario(id);
      this.found.set(id, r.ok ? r.value : undefined);
    }
    return this.found.get(id);
  }

  /** Its own parameters (empty for a scenario this version does not know). */
  ownParams(id: string): ResolvedParam[] {
    return (this.find(id)?.params ?? []).filter((p) => !COMMON.has(p.name));
  }
}

export { COMMON as COMMON_PARAM_NAMES };
