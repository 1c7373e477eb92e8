import { it } from 'vitest';
import { fakeRun, turns } from './support/fake-worker';
import { floodMessage } from '../../../../main/scenarios/internal/bench-flood';
it('cost', async () => {
  for (const shape of ['calls', 'bytes'] as const) {
    const run = fakeRun();
    await run.kernel.startRoot([]);
    const root = run.workers[0];
    root.emit({ t: 'calls', ack: 1, c: [[0, '$k', 'create', ['Queue', 'q', {}]]] });
    await turns();
    const text = floodMessage(shape, 'q');
    delete (root as unknown as { pause?: unknown }).pause;
    (root as unknown as { pause?: unknown }).pause = undefined;
    for (let i = 0; i < 20; i++) { root.emit(text); await turns(2); }
    const N = 100;
    let cpuIn = 0, wallIn = 0, cpuTurns = 0;
    for (let i = 0; i < N; i++) {
      const c0 = process.cpuUsage(); const w0 = performance.now();
      root.emit(text);
      const c1 = process.cpuUsage(c0); wallIn += performance.now() - w0; cpuIn += c1.user + c1.system;
      const c2 = process.cpuUsage(); await turns(2); const c3 = process.cpuUsage(c2); cpuTurns += c3.user + c3.system;
    }
    console.log(shape, text.length, 'bytes; per message: handle cpu', (cpuIn / N / 1000).toFixed(2), 'ms wall', (wallIn / N).toFixed(2), 'ms; flush turns cpu', (cpuTurns / N / 1000).toFixed(2), 'ms', 'events', run.events.length);
  }
}, 120000);
