// The two registries agree: the host's (metadata with program names, checks) and the
// workers' (the programs). The host tells the kernel which programs a run may start from the
// metadata alone, so every name there must be a program the worker can load, and back.
// Compiled, the worker entry loads the program files and no host code; the host's service
// loads no worker code.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireClosure } from '../../../build/packaging/require-closure.mjs';
import { SCENARIOS, findScenario } from '../../../main/scenarios/checks/registry';
import { INTERNAL_SCENARIOS } from '../../../main/scenarios/internal/checks';
import { CATALOGUE_PROGRAMS, findPrograms } from '../../../main/scenarios/programs/registry';
import { PROBE_CASES } from '../../../main/scenarios/internal/programs/probe-cases';
import { BENCH_WORKLOADS } from '../../../main/scenarios/internal/programs/bench-workloads';
import { probeMeta } from '../../../main/scenarios/internal/probe-meta';
import { benchMeta } from '../../../main/scenarios/internal/bench-meta';

const ROOT = path.resolve(__dirname, '../../..');
const sorted = (xs: Iterable<string>) => [...xs].sort();
const enumValues = (spec: { type: string; values?: readonly string[] }) => sorted(spec.values ?? []);

describe('the host and worker registries', () => {
  it('list the same catalogue, in the same order', () => {
    expect(CATALOGUE_PROGRAMS.map((p) => p.id)).toEqual(SCENARIOS.map((s) => s.meta.id));
  });

  it.each([...SCENARIOS, ...INTERNAL_SCENARIOS].map((s) => [s.meta.id, s] as const))(
    '%s: the programs its metadata names are exactly the ones the worker can run, main first', (id, s) => {
      const programs = findPrograms(id);
      expect(programs, id).toBeDefined();
      expect(s.meta.programs[0]).toBe('main');
      expect(sorted(Object.keys(programs!.programs))).toEqual(sorted(s.meta.programs));
      expect(findScenario(id)).toBe(s);
    });

  it('probe: every case its metadata offers has a program, and no other', () => {
    expect(sorted(Object.keys(PROBE_CASES.main))).toEqual(enumValues(probeMeta.params[0]));
  });

  it('bench: every metric its metadata offers has a workload, and no other', () => {
    expect(sorted(Object.keys(BENCH_WORKLOADS))).toEqual(enumValues(benchMeta.params[0]));
  });

  it('compiled, the worker entry loads every program file and no host code', () => {
    const files = requireClosure(path.join(ROOT, 'dist/main/worker/worker-main.js')).files.map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    for (const { id } of CATALOGUE_PROGRAMS) expect(files, id).toContain(`dist/main/scenarios/programs/${id}.js`);
    const host = files.filter((f) => /^dist\/main\/(core|cli|shell|start|bench|electron)\/|\/checks\//.test(f));
    expect(host).toEqual([]);
  });

  it('compiled, the service and the CLI load no worker code', () => {
    for (const entry of ['dist/main/core/service/lab-service.js', 'dist/main/cli/lab.js']) {
      const files = requireClosure(path.join(ROOT, entry)).files.map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
      expect(files.filter((f) => f.startsWith('dist/main/scenarios/checks/')).length, entry).toBeGreaterThan(0);
      expect(files.filter((f) => /^dist\/main\/worker\/|\/programs\//.test(f)), entry).toEqual([]);
    }
  });
});
