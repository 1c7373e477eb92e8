// Exports of a big run (200,000 events, kept in a real SQLite history) through the service
// into a sink: CSV, JSON and the Chrome trace arrive in many bounded chunks, never as one
// string, and the chunks joined parse back to every event; the HTML report embeds the first
// MAX_EMBEDDED_EVENTS and says how many it left out (a small run's report says nothing).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat, RunReport } from '../../../../shared/contract';
import { CHUNK_CHARS } from '../../../../main/core/reports/export-chunks';
import { MAX_EMBEDDED_EVENTS } from '../../../../main/core/reports/html/report-html';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import type { ExportPart, ExportSink } from '../../../../main/core/service/export-sink';
import { LabService } from '../../../../main/core/service/lab-service';
import { parseCsv } from '../../../support/csv';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-export-stream-'));
const service = new LabService({ port: new NodeForkPort(), history: { file: path.join(dir, 'lab.sqlite') }, warmWorkers: 0 });
let big: RunReport;
let small: RunReport;

async function runToEnd(scenario: string, params: Record<string, number | string | boolean>): Promise<RunReport> {
  const started = service.start({ scenario, params, timeoutS: 300 });
  if (!started.ok) throw new Error(started.error.message);
  const done = await service.finished(started.value.runId);
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

beforeAll(async () => {
  // A producer and a consumer passing 100,000 items: a put and a get each, 200,000 events
  // (past what one call can take as spread arguments, which a counter track once was).
  big = await runToEnd('bench', { metric: 'queue-1-1', n: 100_000 });
  small = await runToEnd('fork-loop', { timeUnitMs: 5, seed: 3 });
}, 240_000);
afterAll(() => service.close());

/** A sink that keeps every chunk each part received, as it received it. */
function recordingSink(): { sink: ExportSink; parts: Map<string, { part: ExportPart; chunks: (string | Uint8Array)[]; ended: boolean }> } {
  const parts = new Map<string, { part: ExportPart; chunks: (string | Uint8Array)[]; ended: boolean }>();
  return {
    parts,
    sink: {
      open: async (part) => {
        const got = { part, chunks: [] as (string | Uint8Array)[], ended: false };
        parts.set(part.role, got);
        return { write: async (c) => { got.chunks.push(c); }, end: async () => { got.ended = true; } };
      },
    },
  };
}

async function exported(runId: string, format: ExportFormat) {
  const rec = recordingSink();
  const r = await service.export(runId, format, rec.sink);
  if (!r.ok) throw new Error(r.error.message);
  const main = rec.parts.get('main')!;
  expect(main.ended).toBe(true);
  const text = main.chunks.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
  expect(r.value.bytes).toBeGreaterThanOrEqual(Buffer.byteLength(text));
  return { text, chunks: main.chunks, parts: rec.parts };
}

/** Every chunk is a string of about CHUNK_CHARS: the text was made piece by piece. */
function expectBoundedChunks(chunks: (string | Uint8Array)[], atLeast: number): void {
  expect(chunks.length).toBeGreaterThanOrEqual(atLeast);
  for (const c of chunks) {
    expect(typeof c).toBe('string');
    // A chunk ends at the first piece that reaches the size: one row or one event past it at most.
    expect((c as string).length).toBeLessThan(CHUNK_CHARS + 4096);
  }
}

describe('exports of a big run', () => {
  it('has the events to matter', () => {
    expect(big.status).toBe('completed');
    expect(big.eventCount).toBeGreaterThan(200_000);
    expect(big.eventCount).toBeGreaterThan(MAX_EMBEDDED_EVENTS);
  });

  it('CSV: many bounded chunks that parse back to one row per event, in order, and the output beside', async () => {
    const { text, chunks, parts } = await exported(big.runId, 'csv');
    expectBoundedChunks(chunks, 40);
    const rows = parseCsv(text);
    expect(rows[0].slice(0, 3)).toEqual(['seq', 't_us', 'pid']);
    expect(rows).toHaveLength(big.eventCount + 1);
    rows.slice(1).forEach((r, i) => { if (Number(r[0]) !== i + 1) throw new Error(`row ${i + 1} has seq ${r[0]}`); });
    const output = parts.get('output')!;
    expect(output.ended).toBe(true);
    expect(parseCsv(output.chunks.join(''))[0]).toEqual(['t_ms', 'pid', 'name', 'text']);
  }, 60_000);

  it('JSON: many bounded chunks that parse back to the report and every event', async () => {
    const { text, chunks } = await exported(big.runId, 'json');
    expectBoundedChunks(chunks, 40);
    const back = JSON.parse(text) as RunReport & { events: { seq: number }[] };
    expect(back.events).toHaveLength(big.eventCount);
    expect(back.events.map((e) => e.seq)).toEqual(Array.from({ length: big.eventCount }, (_, i) => i + 1));
    const { events: _events, ...report } = back;
    const stored = await service.run(big.runId);
    expect(report).toEqual(JSON.parse(JSON.stringify(stored.ok ? stored.value : null)));
  }, 60_000);

  it('Chrome trace: bounded chunks that parse back to a trace with its metadata', async () => {
    const { text, chunks } = await exported(big.runId, 'trace');
    expectBoundedChunks(chunks, 40);
    const trace = JSON.parse(text) as { traceEvents: unknown[]; displayTimeUnit: string; metadata: { runId: string } };
    expect(trace.displayTimeUnit).toBe('ms');
    expect(trace.metadata.runId).toBe(big.runId);
    expect(trace.traceEvents.length).toBeGreaterThan(big.eventCount);
  }, 120_000);

  it('HTML: embeds the first events and says, at the top, how many it left out and where they all are', async () => {
    const { text } = await exported(big.runId, 'html');
    const note = /<p class="left-out" id="left-out">([^<]*)<\/p>/.exec(text);
    expect(note).not.toBeNull();
    const n = (x: number) => x.toLocaleString('en-US');
    expect(note![1]).toContain(`This run recorded ${n(big.eventCount)} events; this report embeds the first ${n(MAX_EMBEDDED_EVENTS)}`);
    expect(note![1]).toContain(`leaves ${n(big.eventCount - MAX_EMBEDDED_EVENTS)} out`);
    expect(note![1]).toContain('The CSV, JSON and Chrome trace exports hold every event');
    const embedded = JSON.parse(/<script type="application\/json" id="lab-data">(.*?)<\/script>/s.exec(text)![1]) as { events: unknown[] };
    expect(embedded.events).toHaveLength(MAX_EMBEDDED_EVENTS);
  }, 60_000);

  it('HTML of a run it embeds whole: no such note', async () => {
    const { text } = await exported(small.runId, 'html');
    expect(text).not.toContain('id="left-out"');
    expect(text).not.toContain('leaves');
  });
});
