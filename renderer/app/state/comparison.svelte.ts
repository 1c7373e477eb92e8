// Two stored runs side by side, as the lab's `compare` answers them.
import type { Comparison, LabClient } from '../../../shared/contract';

export class ComparedRuns {
  value = $state.raw<Comparison | null>(null);
  error = $state<string | null>(null);

  constructor(private readonly lab: LabClient, readonly a: string, readonly b: string) {}

  async load(): Promise<void> {
    const r = await this.lab.compare({ a: this.a, b: this.b });
    if (r.ok) this.value = r.value;
    else this.error = r.error.message;
  }
}
