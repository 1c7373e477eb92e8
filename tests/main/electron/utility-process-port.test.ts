// UtilityProcessPort against a stand-in `electron` whose utilityProcess behaves as Electron
// does on POSIX (tests/support/electron-stand-in.ts): fork only once ready, 'exit' with the
// signal number as its code after a signal and 0 after kill(), the real story told by app's
// 'child-process-gone', output in Buffers cut anywhere. Workers are real processes that use
// their parentPort branch.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isAlive, survivors } from '../../support/lab-host';
import { standIn } from '../../support/electron-stand-in';
import { UtilityProcessPort } from '../../../main/electron/utility-process-port';
import { electronWorkerEntry } from '../../../main/electron/worker-entry';
import { LabHost } from '../../../main/core/runs/lab-host';
import type { WorkerHandle } from '../../../main/core/process-port/process-port';
import { WORKER_HEAP_MB as WORKER_HEAP_LIMIT_MB } from '../../../main/protocol/limits';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'lab-utility-port-'));
const allPids: number[] = [];
afterEach(() => { allPids.push(...standIn.forkedPids()); });
afterAll(async () => { expect(await survivors(allPids, 2000)).toEqual([]); });

/** A tiny worker entry of our own, for what no scenario does (raw stdout, staying alive). */
function script(name: string, body: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, body);
  return file;
}

function exitOf(w: WorkerHandle): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => w.onExit((code, signal) => resolve({ code, signal })));
}

function startRun(host: LabHost, scenario: string, params: Record<string, string | number | boolean>) {
  const r = host.start({ scenario, params });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('UtilityProcessPort before the app is ready', () => {
  beforeAll(() => standIn.reset());

  it('forks nothing until ready, then starts the worker', async () => {
    const port = new UtilityProcessPort();
    const started = port.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(standIn.utilityProcess.forks).toHaveLength(0);
    standIn.app.makeReady();
    const w = await started;
    expect(w.pid).toBeGreaterThan(0);
    expect(standIn.utilityProcess.forks).toHaveLength(1);
    const gone = exitOf(w);
    w.kill('SIGKILL');
    expect(await gone).toEqual({ code: null, signal: 'SIGKILL' });
  });
});

describe.each(['before-exit', 'after-exit'] as const)('UtilityProcessPort, child-process-gone %s the exit', (order) => {
  let host: LabHost;
  beforeAll(() => {
    standIn.reset();
    standIn.utilityProcess.goneOrder = order;
    standIn.app.makeReady();
    host = new LabHost(new UtilityProcessPort(), { warmWorkers: 2 });
  });
  afterAll(() => host.close());

  it('runs a scenario end to end through utility processes and their parentPort', async () => {
    const report = await startRun(host, 'manager-namespace', { variant: 'mutable-fixed', timeUnitMs: 5 }).done;
    expect(report.status).toBe('completed');
    expect(report.result.after).toEqual(['This is the value']);
  });

  it('reports exit codes as Python does: an exit(3) stays code 3 (not SIGQUIT), terminate() is SIGTERM', async () => {
    const report = await startRun(host, 'probe', { case: 'exit-codes', timeUnitMs: 20 }).done;
    expect(report.result.codes).toEqual([0, 3, 1, -15]);
    const proc = (name: string) => report.processes.find((p) => p.name === name)!;
    expect([proc('ok').how, proc('three').how, proc('boom').how, proc('terminated').how]).toEqual(['returned', 'exit', 'raised', 'terminated']);
    expect(proc('three')).toMatchObject({ exitCode: 3, signal: null });
    expect(proc('terminated')).toMatchObject({ exitCode: null, signal: 'SIGTERM' });
  });

  it('reports an external SIGKILL (exit "code 9") as the signal, from child-process-gone', async () => {
    const handle = startRun(host, 'probe', { case: 'victim', timeUnitMs: 20 });
    let killed = 0;
    handle.onEvents((batch) => {
      const blocked = batch.find((e) => e.op === 'get' && e.ph === 'B');
      if (blocked && !killed) { killed = blocked.pid; process.kill(blocked.pid, 'SIGKILL'); }
    });
    const report = await handle.done;
    const victim = report.processes.find((p) => p.pid === killed)!;
    expect(victim).toMatchObject({ name: 'victim', exitCode: null, signal: 'SIGKILL', how: 'crashed' });
    expect(report.result.victimExitcode).toBe(-9);
  });

  it('reports the signal the kernel sent to a daemon (kill() makes Electron say code 0)', async () => {
    const report = await startRun(host, 'probe', { case: 'daemon', timeUnitMs: 20 }).done;
    expect(report.status).toBe('completed');
    expect(report.processes.find((p) => p.name === 'daemon')).toMatchObject({ exitCode: null, signal: 'SIGTERM' });
  });

  it('stop() kills the run\'s utility processes, leaving none', async () => {
    const run = startRun(host, 'semaphore-pool', { holdMaxUnits: 10, timeUnitMs: 2000 });
    await new Promise<void>((resolve) => run.onEvents(() => { if (run.kernel.liveCount >= 3) resolve(); }));
    const report = await run.stop();
    expect(report.status).toBe('stopped');
    expect(await survivors(report.processes.map((p) => p.pid))).toEqual([]);
  });

  it('leaves no utility process behind once the host closes', async () => {
    await host.close();
    expect(await survivors(standIn.forkedPids(), 2000)).toEqual([]);
  });
});

describe('UtilityProcessPort, one worker at a time', () => {
  const stayAlive = () => script('stay.js', 'process.parentPort.postMessage({ t: "ready" });\nsetInterval(() => {}, 1000);\n');
  beforeAll(() => {
    standIn.reset();
    standIn.app.makeReady();
  });

  it('decodes output with a string decoder: characters cut between chunks arrive whole', async () => {
    standIn.utilityProcess.chunkBytes = 1;
    const text = 'héllo → ✓ 日本語 🧪\n';
    const entry = script('print.js', `process.stdout.write(${JSON.stringify(text)}, () => process.exit(0));\n`);
    const w = await new UtilityProcessPort({ entry }).start();
    let out = '';
    w.onOutput((stream, t) => { if (stream === 'stdout') out += t; });
    expect(await exitOf(w)).toEqual({ code: 0, signal: null });
    await vi.waitFor(() => expect(out).toBe(text));
    standIn.utilityProcess.chunkBytes = 0;
  });

  it('hears the "error" event of a V8 fatal error, says where, and reports the crash', async () => {
    const w = await new UtilityProcessPort({ entry: stayAlive() }).start();
    let err = '';
    w.onOutput((stream, t) => { if (stream === 'stderr') err += t; });
    const gone = exitOf(w);
    const fork = standIn.utilityProcess.forks.at(-1)!;
    fork.process.fatalError('v8::internal::Heap::FatalProcessOutOfMemory');
    expect(await gone).toEqual({ code: null, signal: 'SIGABRT' });
    expect(err).toContain('FatalError at v8::internal::Heap::FatalProcessOutOfMemory');
  });

  it('when kill() answers false, sends SIGTERM through the pid instead', async () => {
    standIn.utilityProcess.killAnswers = false;
    const w = await new UtilityProcessPort({ entry: stayAlive() }).start();
    const gone = exitOf(w);
    w.kill('SIGTERM');
    expect(await gone).toEqual({ code: null, signal: 'SIGTERM' });
    expect(isAlive(w.pid)).toBe(false);
    standIn.utilityProcess.killAnswers = true;
  });

  it('still reports an end Chromium tells nothing more about (a SIGHUP looks like "code 1")', async () => {
    const w = await new UtilityProcessPort({ entry: stayAlive() }).start();
    const gone = exitOf(w);
    process.kill(w.pid, 'SIGHUP');
    expect(await gone).toEqual({ code: 1, signal: null });
  });

  it('runs workers with the heap limit and without the app\'s environment', async () => {
    process.env.PROCESS_LAB_TEST_SECRET = 'do-not-leak';
    try {
      const w = await new UtilityProcessPort({ entry: stayAlive() }).start();
      const fork = standIn.utilityProcess.forks.at(-1)!;
      expect(fork.options.execArgv).toContain(`--max-old-space-size=${WORKER_HEAP_LIMIT_MB}`);
      expect(fork.options.execArgv).toContain('--no-lazy'); // compiled while prepared, not when started
      expect(fork.options.serviceName).toMatch(/^Process Lab worker /);
      if (process.platform === 'linux') {
        const environ = readFileSync(`/proc/${w.pid}/environ`, 'utf8').split('\0');
        expect(environ.some((e) => e.startsWith('PROCESS_LAB_TEST_SECRET='))).toBe(false);
        expect(environ).toContain('PROCESS_LAB_WORKER=1');
        expect(readFileSync(`/proc/${w.pid}/cmdline`, 'utf8').split('\0')).toContain(`--max-old-space-size=${WORKER_HEAP_LIMIT_MB}`);
      }
      const gone = exitOf(w);
      w.kill('SIGKILL');
      await gone;
    } finally {
      delete process.env.PROCESS_LAB_TEST_SECRET;
    }
  });
});

describe('UtilityProcessPort in a packaged app', () => {
  const resources = path.join(tmp, 'resources');
  const saved = (process as { resourcesPath?: string }).resourcesPath;
  beforeAll(() => {
    standIn.reset();
    standIn.app.isPackaged = true;
    standIn.app.makeReady();
    (process as { resourcesPath?: string }).resourcesPath = resources;
  });
  afterAll(() => { (process as { resourcesPath?: string }).resourcesPath = saved; });

  it('refuses to start without the worker entry unpacked from the asar archive, saying so', async () => {
    expect(() => electronWorkerEntry()).toThrow(/app\.asar\.unpacked.*asarUnpack/);
    await expect(new UtilityProcessPort().start()).rejects.toThrow(/asarUnpack/);
  });

  it('forks the worker from app.asar.unpacked and runs a scenario with it', async () => {
    // The unpacked folder mirrors the app's: here it is the built dist/ itself.
    mkdirSync(path.join(resources, 'app.asar.unpacked'), { recursive: true });
    symlinkSync(path.resolve(__dirname, '../../../dist'), path.join(resources, 'app.asar.unpacked', 'dist'));
    const host = new LabHost(new UtilityProcessPort(), { warmWorkers: 0 });
    try {
      const r = host.start({ scenario: 'manager-namespace', params: { variant: 'mutable-fixed', timeUnitMs: 5 } });
      if (!r.ok) throw new Error(r.error.message);
      expect((await r.value.done).status).toBe('completed');
      expect(standIn.utilityProcess.forks.length).toBeGreaterThan(0);
      for (const f of standIn.utilityProcess.forks) expect(f.modulePath).toBe(path.join(resources, 'app.asar.unpacked', 'dist', 'main', 'worker', 'worker-main.js'));
    } finally {
      await host.close();
    }
  });
});
