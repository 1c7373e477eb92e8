// The scenario catalogue as the lab hands it out (defaults resolved for this machine).
import type { LabClient, ScenarioInfo } from '../../../shared/contract';

class Catalogue {
  scenarios = $state.raw<ScenarioInfo[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);

  async load(lab: LabClient): Promise<void> {
    const r = await lab.scenarios({});
    if (r.ok) { this.scenarios = r.value; this.error = null; } else this.error = r.error.message;
    this.loaded = true;
  }

  find(id: string): ScenarioInfo | undefined { return this.scenarios.find((s) => s.id === id); }
}

export const catalogue = new Catalogue();
