// Workers run with a heap limit and without the app's environment, whichever port starts them:
// NodeForkPort (the CLI, the browser shell) and UtilityProcessPort (the desktop app, here on
// the stand-in `electron`, whose utility processes are real child processes). Checked from
// outside, in /proc/<pid>/environ and /proc/<pid>/cmdline, and from inside: the worker's
// own process.env and V8's heap limit.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { standIn } from '../../support/electron-stand-in';
import { survivors } from '../../support/lab-host';
import { NodeForkPort, WORKER_ENV_KEPT } from '../../../main/core/process-port/node-fork-port';
import type { ProcessPort, WorkerHandle } from '../../../main/core/process-port/process-port';
import { WORKER_HEAP_MB as WORKER_HEAP_LIMIT_MB } from '../../../main/protocol/limits';
import { workerEntryPath } from '../../../main/core/process-port/worker-entry';
import { UtilityProcessPort } from '../../../main/electron/utility-process-port';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

const SECRETS: Record<string, string> = {
  PROCESS_LAB_TEST_SECRET: 'do-not-leak',
  GITHUB_TOKEN: 'ghp_not-for-workers',
  NODE_OPTIONS: '--no-deprecation',
  ELECTRON_RUN_AS_NODE: '1',
  HTTPS_PROXY: 'http://proxy.invalid:3128',
};
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lab-worker-env-'));
const pids: number[] = [];

/** A worker entry that tells what it was given, then waits to be killed. */
const REPORTER = path.join(tmp, 'report-env.js');
writeFileSync(REPORTER, `
const v8 = require('node:v8');
process.stdout.write(JSON.stringify({ env: process.env, heapLimit: v8.getHeapStatistics().heap_size_limit }) + '\\n');
setInterval(() => {}, 1000);
`);

beforeAll(() => {
  Object.assign(process.env, SECRETS);
  standIn.reset();
  standIn.app.makeReady();
});
afterAll(async () => {
  for (const k of Object.keys(SECRETS)) delete process.env[k];
  expect(await survivors(pids, 2000)).toEqual([]);
});

function told(w: WorkerHandle): Promise<{ env: Record<string, string>; heapLimit: number }> {
  return new Promise((resolve) => {
    let out = '';
    w.onOutput((stream, text) => {
      if (stream !== 'stdout') return;
      out += text;
      if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))));
    });
  });
}

async function stop(w: WorkerHandle): Promise<void> {
  const gone = new Promise((r) => w.onExit(r));
  w.kill('SIGKILL');
  await gone;
}

describe.each([
  // Each port's own channel: fd 3 named for the Node port; the utility stand-in runs on Node's
  // fork, whose IPC stands for Electron's parentPort.
  ['NodeForkPort (CLI, browser shell)', (entry: string): ProcessPort => new NodeForkPort(entry), ['PROCESS_LAB_CHANNEL_FD']],
  ['UtilityProcessPort (desktop app)', (entry: string): ProcessPort => new UtilityProcessPort({ entry }), ['NODE_CHANNEL_FD', 'NODE_CHANNEL_SERIALIZATION_MODE']],
])('%s', (_name, makePort, channelEnv) => {
  it('gives a worker only PATH, temporary folders, locale and time zone, and no secret', async () => {
    const w = await makePort(workerEntryPath()).start();
    pids.push(w.pid);
    try {
      const environ = readFileSync(`/proc/${w.pid}/environ`, 'utf8').split('\0').filter(Boolean);
      const names = environ.map((e) => e.slice(0, e.indexOf('=')));
      // Besides ours, only what names the worker's channel to the host.
      const allowed = [...WORKER_ENV_KEPT, 'PROCESS_LAB_WORKER', ...channelEnv];
      for (const n of names) expect(allowed, n).toContain(n);
      expect(environ).toContain('PROCESS_LAB_WORKER=1');
      expect(environ).toContain(`PATH=${process.env.PATH}`);
      for (const [k, v] of Object.entries(SECRETS)) {
        expect(names).not.toContain(k);
        if (v.length > 3) expect(environ.some((e) => e.includes(v)), k).toBe(false);
      }
      expect(readFileSync(`/proc/${w.pid}/cmdline`, 'utf8').split('\0')).toContain(`--max-old-space-size=${WORKER_HEAP_LIMIT_MB}`);
    } finally {
      await stop(w);
    }
  });

  it('runs the worker under the heap limit, as V8 inside it reports', async () => {
    const w = await makePort(REPORTER).start();
    pids.push(w.pid);
    try {
      const { env, heapLimit } = await told(w);
      expect(Object.keys(env).filter((k) => k in SECRETS)).toEqual([]);
      // max-old-space-size bounds the old generation; V8 adds the young generation's room.
      expect(heapLimit).toBeGreaterThanOrEqual(WORKER_HEAP_LIMIT_MB * 2 ** 20);
      expect(heapLimit).toBeLessThan((WORKER_HEAP_LIMIT_MB + 128) * 2 ** 20);
    } finally {
      await stop(w);
    }
  });
});
