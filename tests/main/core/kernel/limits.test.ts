// Issue 7, limits at the worker ⇄ kernel boundary: every cap, exceeded by a real worker
// (through the lab API and on the raw channel), shows the error raised in the program, a
// run note naming the cap, and the kernel still serving another process afterwards.
import { afterAll, describe, expect, it } from 'vitest';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import { LabHost } from '../../../../main/core/runs/lab-host';
import {
  MAX_HELD_BYTES, MAX_HELD_ITEMS, MAX_MESSAGE_BYTES, MAX_PRINT_CHARS_PER_RUN, MAX_PRINT_LINE_CHARS, MAX_REFUSALS_PER_PROCESS,
} from '../../../../main/protocol/limits';
import type { RunReport } from '../../../../shared/run-report';
import { probe, survivors } from '../../../support/lab-host';

// A host whose runs may have 4 processes alive at once, so the process cap is cheap to reach.
const host = new LabHost(new NodeForkPort(), { warmWorkers: 2, maxProcesses: 4 });
afterAll(() => host.close());

const notes = (r: RunReport) => r.notes.join('\n');

/** What every probe that floods from a child must show besides its own result. */
function expectServedAfter(report: RunReport): void {
  expect(report.result.served).toBe('still served');
}

describe('caps on what one operation and one message may carry', () => {
  it('bytes per item: the put raises in the program (API and raw channel), nothing is stored', async () => {
    const { report } = await probe(host, 'limit-item-bytes');
    expect(report.status).toBe('completed');
    expect(report.result).toMatchObject({ apiPut: 'LimitExceeded', rawPut: 'LimitExceeded', qsize: 0, flooderExit: 0 });
    expect(notes(report)).toMatch(/flooder \(pid \d+\): 2 operations refused by the item-bytes cap; the first: put\(\).*MAX_ITEM_BYTES/);
    expectServedAfter(report);
  });

  it('bytes per message: the API splits a turn into messages that fit (five 60 KB puts); a larger raw message is dropped unread', async () => {
    const { report } = await probe(host, 'limit-message-bytes');
    expect(report.result).toMatchObject({ apiPuts: 5, rawMessage: 'LimitExceeded', qsize: 5, flooderExit: 0 });
    expect(notes(report)).toMatch(new RegExp(`refused by the message-bytes cap: a message of [\\d,]+ bytes was dropped unread: at most ${MAX_MESSAGE_BYTES.toLocaleString('en-US')} bytes are read per message \\(MAX_MESSAGE_BYTES\\)`));
    expectServedAfter(report);
  });

  it('calls per message: the API sends 2,500 puts of one turn in three messages; 1,001 raw calls are refused', async () => {
    const { report } = await probe(host, 'limit-calls-per-message');
    expect(report.result).toMatchObject({ apiPuts: 2500, rawCalls: 'LimitExceeded', qsize: 2500 });
    expect(notes(report)).toMatch(/calls-per-message cap: a message of 1,001 calls was refused: at most 1,000 calls per message/);
    expectServedAfter(report);
  });

  it('nesting: 62 levels travel, 66 raise in the program; a raw text nested 100,000 deep is dropped unparsed', async () => {
    const { report } = await probe(host, 'limit-nesting');
    expect(report.result).toMatchObject({ okDepth: 'none', apiPut: 'LimitExceeded', rawDeep: 'LimitExceeded', qsize: 1 });
    expect(notes(report)).toMatch(/refused by the nesting cap.*MAX_NESTING/);
    expectServedAfter(report);
  });
});

describe('caps on what one run may hold and print', () => {
  it('printed text: a long line is cut and raises; past the run\'s budget nothing more is printed', async () => {
    const { report } = await probe(host, 'limit-print');
    expect(report.result).toMatchObject({ longLine: 'LimitExceeded', perRun: 'LimitExceeded' });
    const cut = report.output.find((o) => o.text.startsWith('yyy'))!;
    expect(cut.text).toBe(`${'y'.repeat(MAX_PRINT_LINE_CHARS)}… [cut: 100 more characters]`);
    const printed = report.output.filter((o) => !o.text.startsWith('[error]')).reduce((n, o) => n + o.text.length, 0);
    expect(printed).toBeLessThanOrEqual(MAX_PRINT_CHARS_PER_RUN);
    expect(printed).toBeGreaterThan(MAX_PRINT_CHARS_PER_RUN - 2 * MAX_PRINT_LINE_CHARS);
    expect(notes(report)).toMatch(/refused by the print-line cap/);
    expect(notes(report)).toMatch(/operations refused by the print-run cap.*MAX_PRINT_CHARS_PER_RUN/);
    expectServedAfter(report);
  });

  it('bytes held: puts past MAX_HELD_BYTES are refused, what was kept stays, and room taken out is usable again', async () => {
    const { report } = await probe(host, 'limit-held-bytes');
    expect(report.result).toMatchObject({ put: 'LimitExceeded', afterRoom: 'none' });
    const held = report.result.held as number;
    expect(held * 60_002).toBeLessThanOrEqual(MAX_HELD_BYTES);
    expect((held + 1) * 60_002).toBeGreaterThan(MAX_HELD_BYTES);
    expect(report.result.qsize).toBe(held - 10 + 1);
    expect(notes(report)).toMatch(/operations refused by the held-bytes cap/);
    expectServedAfter(report);
  });

  it('items held: Array slots and queue items count together up to MAX_HELD_ITEMS', async () => {
    const { report } = await probe(host, 'limit-held-items');
    expect(report.result).toMatchObject({ put: 'LimitExceeded' });
    expect(report.result.qsize).toBe(MAX_HELD_ITEMS - Math.floor((MAX_HELD_ITEMS - 1000) / 30_000) * 30_000);
    expect(notes(report)).toMatch(/5 operations refused by the held-items cap/);
    expectServedAfter(report);
  });

  it('objects per run: creates past MAX_OBJECTS_PER_RUN are refused and raise at the next operation', async () => {
    const { report } = await probe(host, 'limit-objects');
    expect(report.result).toMatchObject({ create: 'LimitExceeded' });
    // The parent's queue and 9,999 of the flooder's: the last 6 creates were refused.
    expect(notes(report)).toMatch(/6 operations refused by the objects cap; the first: the run has 10,000 shared objects/);
    expectServedAfter(report);
  });

  it('result size: copy() of a list larger than MAX_RESULT_BYTES raises; reading one item works', async () => {
    const { report } = await probe(host, 'limit-result');
    expect(report.result).toMatchObject({ copy: 'LimitExceeded', getOne: 60_000 });
    expect(notes(report)).toMatch(/result-bytes cap: l\.copy\(\) would return 300,016 bytes/);
    expectServedAfter(report);
  });

  it('processes alive at once: the spawn past the host\'s cap raises ProcessLimit and the run goes on', async () => {
    const { report } = await probe(host, 'limit-processes');
    expect(report.status).toBe('completed');
    expect(report.result).toEqual({ spawned: 3, refused: 'ProcessLimit', afterRoom: 0 });
    expect(notes(report)).toMatch(/processes cap: spawn\(\): process cap reached: 4 processes of this run are alive at once/);
    expect(await survivors(report.processes.map((p) => p.pid))).toEqual([]);
  });
});

describe('a worker that misbehaves', () => {
  it('an ack for a batch never sent is refused as malformed, and nothing of that message is done', async () => {
    const { report } = await probe(host, 'limit-protocol');
    expect(report.result).toMatchObject({ ack: 'BadMessage' });
    expect(report.output.some((o) => o.text === 'sneaky')).toBe(false);
    expect(notes(report)).toMatch(/refused as malformed: ack 999 names a batch that was never sent/);
    expectServedAfter(report);
  });

  it(`one that goes on after ${MAX_REFUSALS_PER_PROCESS} refusals is ended, how 'cap', and the run fails saying so`, async () => {
    const { report } = await probe(host, 'limit-refusals');
    expect(report.status).toBe('failed');
    const flooder = report.processes.find((p) => p.name === 'flooder')!;
    expect(flooder.how).toBe('cap');
    expect(report.result.flooderExit).toBe(-9);
    expect(notes(report)).toContain(`flooder (pid ${flooder.pid}) was ended by the kernel: it went on after 1,000 refused operations.`);
    expectServedAfter(report);
  });

  it('one that exhausts its heap dies of its heap limit alone; the run goes on and fails naming it', async () => {
    const { report } = await probe(host, 'limit-heap');
    expect(report.status).toBe('failed');
    const flooder = report.processes.find((p) => p.name === 'flooder')!;
    expect(flooder.how).toBe('crashed');
    expect(report.output.some((o) => /heap limit|out of memory/i.test(o.text))).toBe(true);
    expectServedAfter(report);
  });

  it('a daemon that ignores SIGTERM cannot keep a run with a wall-clock limit from ending', async () => {
    const r = host.start({ scenario: 'probe', params: { case: 'ignores-sigterm', timeUnitMs: 20, seed: 1 }, timeoutS: 8 });
    if (!r.ok) throw new Error(r.error.message);
    const report = await r.value.done;
    expect(report.status).toBe('timeout');
    // Terminated as a daemon at its parent's exit (ignored), then killed when the time was up.
    expect(report.processes.find((p) => p.name === 'deaf')).toMatchObject({ how: 'daemon', signal: 'SIGKILL' });
    expect(notes(report)).toMatch(/stopped after the 8 s wall-clock limit/);
    expect(await survivors(report.processes.map((p) => p.pid))).toEqual([]);
  });
});

describe('timeouts longer than MAX_TIMEOUT_MS', () => {
  it('a get with a timeout of 2^31 units waits for ever, so hang detection ends the run at once', async () => {
    const { report } = await probe(host, 'timeout-over-max');
    expect(report.status).toBe('hung');
    expect(report.hang!.blocked.map((b) => [b.name, b.op, b.obj])).toEqual([['MainProcess', 'get', 'q']]);
  });

  it('a sleep of 2^40 units never ends within a run either: hung', async () => {
    const { report } = await probe(host, 'sleep-over-max');
    expect(report.status).toBe('hung');
  });

  it('a timeout of exactly MAX_TIMEOUT_MS is a real timer: the run is not hung, and Node never warns of an overflow', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const r = host.start({ scenario: 'probe', params: { case: 'timeout-at-max', timeUnitMs: 20, seed: 1 }, timeoutS: 30 });
      if (!r.ok) throw new Error(r.error.message);
      await new Promise<void>((resolve) => r.value.onEvents((b) => { if (b.some((e) => e.op === 'get' && e.ph === 'B')) resolve(); }));
      await new Promise((res) => setTimeout(res, 500));
      const report = await r.value.stop();
      expect(report.status).toBe('stopped');
      expect(report.result).toEqual({ waiting: true }); // it got to its get, and waited there
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });
});
