// The app shows each catalogue scenario's program beside our Python program: the service
// answers them from what the build copied into dist/ (a packaged app has no source tree), and
// the program shown is the file the workers run.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireClosure } from '../../../../build/packaging/require-closure.mjs';
import type { ClientSession, ScenarioSource } from '../../../../shared/contract';
import { SCENARIO_CATALOGUE } from '../../../../shared/scenarios';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import { LabService } from '../../../../main/core/service/lab-service';
import { RequestRouter } from '../../../../main/core/service/request-router';
import { findPrograms } from '../../../../main/scenarios/programs/registry';

const ROOT = path.resolve(__dirname, '../../../..');
const service = new LabService({ port: new NodeForkPort(), history: null, warmWorkers: 0 });
const router = new RequestRouter(service, { exports: { open: async () => null }, checkAnswers: true });
const session: ClientSession = { push: () => {}, onClose: () => {} };
afterAll(() => service.close());

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('the source request', () => {
  it.each(SCENARIO_CATALOGUE.map((m) => m.id))('%s: the program file and the Python program, as they are in the repository', async (id) => {
    const answer = await router.handle('source', { scenario: id }, session);
    expect(answer.ok, JSON.stringify(answer)).toBe(true);
    const { program, python } = (answer as { value: ScenarioSource }).value;
    expect(program.file).toBe(`main/scenarios/programs/${id}.ts`);
    expect(program.text).toBe(read(program.file));
    expect(python).not.toBeNull();
    expect(python!.file).toBe(`main/scenarios/python/${id}.py`);
    expect(python!.text).toBe(read(python!.file));
  });

  it.each(SCENARIO_CATALOGUE.map((m) => m.id))('%s: the program shown is what the workers run', async (id) => {
    // The workers' registry hands out the programs this very file defines...
    const shown = await import(path.join(ROOT, `main/scenarios/programs/${id}.ts`)) as Record<string, unknown>;
    expect(Object.values(shown)).toContain(findPrograms(id));
    // ...and, compiled, the worker entry loads the file compiled from it.
    const compiled = `dist/main/scenarios/programs/${id}.js`;
    expect(requireClosure(path.join(ROOT, 'dist/main/worker/worker-main.js')).files).toContain(path.join(ROOT, compiled));
    const map = JSON.parse(read(`${compiled}.map`)) as { sources: string[] };
    expect(map.sources.map((s) => path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, compiled)), s)))).toEqual([`main/scenarios/programs/${id}.ts`]);
  });

  it.each(SCENARIO_CATALOGUE.map((m) => m.id))('%s: the service answers what the router answers', async (id) => {
    const direct = service.source(id);
    expect(direct.ok, JSON.stringify(direct)).toBe(true);
    expect(await router.handle('source', { scenario: id }, session)).toEqual(direct);
  });

  it('is refused for a scenario the catalogue does not list, naming the ones it does', async () => {
    for (const scenario of ['no-such-scenario', 'probe', 'bench']) {
      const answer = await router.handle('source', { scenario }, session);
      expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('fork-loop, semaphore-pool') } });
    }
  });
});

/**
 * The compiled service in a copy of dist/ beside node_modules, with no source tree (as in a
 * packaged app): asks the router for each scenario's source, in a node process of its own.
 */
function askCopy(dist: string, ids: string[]): unknown[] {
  const script = `
    const { LabService } = require(${JSON.stringify(path.join(dist, 'main/core/service/lab-service.js'))});
    const { RequestRouter } = require(${JSON.stringify(path.join(dist, 'main/core/service/request-router.js'))});
    const { NodeForkPort } = require(${JSON.stringify(path.join(dist, 'main/core/process-port/node-fork-port.js'))});
    const service = new LabService({ port: new NodeForkPort(), history: null, warmWorkers: 0 });
    const router = new RequestRouter(service, { exports: { open: async () => null }, checkAnswers: true });
    const session = { push: () => {}, onClose: () => {} };
    Promise.all(${JSON.stringify(ids)}.map((scenario) => router.handle('source', { scenario }, session)))
      .then((answers) => { process.stdout.write(JSON.stringify(answers)); return service.close(); });
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.dirname(dist), encoding: 'utf8' })) as unknown[];
}

describe('the source request in a copy of dist/ without the source tree', () => {
  const app = mkdtempSync(path.join(os.tmpdir(), 'lab-sources-'));
  const dist = path.join(app, 'dist');
  cpSync(path.join(ROOT, 'dist'), dist, { recursive: true, filter: (f) => !f.includes(`${path.sep}renderer${path.sep}`) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  const ids = SCENARIO_CATALOGUE.map((m) => m.id);

  it('answers every scenario\'s program and Python program from dist/scenario-sources.json', () => {
    const answers = askCopy(dist, ids);
    expect(answers).toHaveLength(ids.length);
    ids.forEach((id, i) => {
      const file = `main/scenarios/programs/${id}.ts`;
      expect(answers[i], id).toMatchObject({ ok: true, value: { program: { file, text: read(file) }, python: { text: read(`main/scenarios/python/${id}.py`) } } });
    });
  });

  it('says the sources are unavailable, naming the file, when the build did not write them', () => {
    rmSync(path.join(dist, 'scenario-sources.json'));
    const [answer] = askCopy(dist, ['pipe']);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('scenario-sources.json') } });
  });

  it('refuses a file that is not as the build writes it', () => {
    writeFileSync(path.join(dist, 'scenario-sources.json'), JSON.stringify({ format: 1, scenarios: { pipe: { program: { file: 'x' } } } }));
    const [answer] = askCopy(dist, ['pipe']);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('scenario-sources.json') } });
  });
});
