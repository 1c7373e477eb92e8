// Every catalogue entry carries what the app, the CLI and the reports show students.
import { describe, expect, it } from 'vitest';
import { SCENARIO_CATALOGUE } from '../../shared/scenarios';
import { SCENARIOS } from '../../main/scenarios/checks/registry';

describe('the scenario catalogue', () => {
  it('lists the flagship scenarios first, and the same scenarios as the registry', () => {
    expect(SCENARIO_CATALOGUE.slice(0, 3).map((s) => s.id)).toEqual(['fork-loop', 'semaphore-pool', 'manager-namespace']);
    expect(SCENARIO_CATALOGUE.filter((s) => s.flagship)).toHaveLength(3);
    expect(SCENARIO_CATALOGUE.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.meta.id));
  });

  it.each(SCENARIO_CATALOGUE.map((s) => [s.id, s] as const))('%s has an explanation, things to watch, pitfalls and a predict question', (_id, s) => {
    expect(s.explanation.length).toBeGreaterThan(200);
    expect(s.watch.length).toBeGreaterThan(0);
    expect(s.pitfalls.length).toBeGreaterThan(0);
    expect(s.predict?.question).toMatch(/\?/);
    expect(s.predict?.answerKey).toBeTruthy();
    expect(new Set(s.params.map((p) => p.name)).size).toBe(s.params.length);
    for (const p of s.params) if (p.type === 'int' && typeof p.default === 'number') expect(p.default).toBeGreaterThanOrEqual(p.min);
  });
});
