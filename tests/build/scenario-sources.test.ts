// build/scenario-sources.mjs: what the build copies into dist/scenario-sources.json for the
// app's source request, and its refusal when a catalogue scenario has no program file.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSources, SOURCES_FILE } from '../../build/scenario-sources.mjs';
import { SCENARIO_CATALOGUE } from '../../shared/scenarios';

const ROOT = path.resolve(__dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lab-scenario-sources-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A root with the compiled catalogue and the program and Python files of `ids` only. */
function rootWith(name: string, programs: string[], python: string[]): string {
  const root = path.join(tmp, name);
  cpSync(path.join(ROOT, 'dist/shared'), path.join(root, 'dist/shared'), { recursive: true });
  mkdirSync(path.join(root, 'main/scenarios/programs'), { recursive: true });
  mkdirSync(path.join(root, 'main/scenarios/python'), { recursive: true });
  for (const id of programs) cpSync(path.join(ROOT, `main/scenarios/programs/${id}.ts`), path.join(root, `main/scenarios/programs/${id}.ts`));
  for (const id of python) cpSync(path.join(ROOT, `main/scenarios/python/${id}.py`), path.join(root, `main/scenarios/python/${id}.py`));
  return root;
}

describe('the scenario sources the build copies', () => {
  const ids = SCENARIO_CATALOGUE.map((m) => m.id);

  it('are in dist/ as this tree has them: every catalogue scenario, no other', () => {
    const built = JSON.parse(readFileSync(path.join(ROOT, SOURCES_FILE), 'utf8'));
    expect(built).toEqual(collectSources(ROOT));
    expect(Object.keys(built.scenarios)).toEqual(ids);
  });

  it('give null for a scenario without a Python program', () => {
    const sources = collectSources(rootWith('no-python', ids, ids.filter((id) => id !== 'pipe')));
    expect(sources.scenarios.pipe.python).toBeNull();
    expect(sources.scenarios.lock.python?.file).toBe('main/scenarios/python/lock.py');
  });

  it('refuse a catalogue scenario without its program file, naming it', () => {
    expect(() => collectSources(rootWith('no-program', ids.filter((id) => id !== 'whoami'), ids)))
      .toThrow('scenario whoami has no program file main/scenarios/programs/whoami.ts');
  });
});
