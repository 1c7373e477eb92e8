// What a replay should show at a moment, computed in the test from the run's own events (read
// through the shell's contract, every page from the first event): the live model folded with
// every event whose clock (an event's t, never earlier than the one before it) is at most that
// moment; and what the page shows, read from its DOM.
import type { Locator, Page } from 'playwright-core';
import type { LabEvent, RunSnapshot } from '../../../shared/contract';
import { LiveModel } from '../../../shared/live';
import { contentsOf } from '../../../renderer/app/lib/live/contents';
import type { Shell } from './shell';

export interface RunEvents { events: LabEvent[]; clocks: number[] }

/** Every event of a run, in seq order, with the model's clock after each. */
export async function readRun(shell: Shell, runId: string): Promise<RunEvents> {
  const events: LabEvent[] = [];
  for (let fromSeq = 0; ;) {
    const page = await shell.api<{ events: LabEvent[]; more: boolean; stateAtStart: RunSnapshot }>('events', { runId, window: { fromSeq, limit: 20_000 } });
    if (!page.ok) throw new Error(page.error.message);
    events.push(...page.value.events);
    if (!page.value.more) break;
    fromSeq = events[events.length - 1].seq + 1;
  }
  let clock = 0;
  const clocks = events.map((e) => (clock = Math.max(clock, e.t)));
  return { events, clocks };
}

/** How many events have a clock at most `us`. */
export function countAt(run: RunEvents, us: number): number {
  let n = 0;
  while (n < run.clocks.length && run.clocks[n] <= us) n++;
  return n;
}

/** The live model of the whole run up to `us`, folded from its first event. */
export function modelAt(run: RunEvents, us: number): LiveModel {
  const m = new LiveModel();
  m.fold(run.events.slice(0, countAt(run, us)));
  return m;
}

export interface ShownProcess { pid: number; state: string; text: string }

/** The process table a model's state gives: pid, state, and what a blocked process waits on. */
export function expectedProcesses(m: LiveModel): ShownProcess[] {
  return [...m.lanes.all()].map((lane) => {
    const st = m.lanes.states.get(lane.spans.lastState);
    return { pid: lane.pid, state: st.phase, text: st.phase === 'blocked' ? `blocked: ${st.op} on ${st.obj}` : st.phase };
  }).sort((a, b) => a.pid - b.pid);
}

/** Printed lines (a block of several lines counts each) of events [fromSeq, …] up to `us`. */
export function expectedLines(run: RunEvents, us: number, fromSeq = 1): number {
  let n = 0;
  for (let i = 0; i < run.events.length && run.clocks[i] <= us; i++) {
    const e = run.events[i];
    if (e.seq >= fromSeq && (e.kind === 'print' || e.kind === 'error')) n += (e.text ?? '').split('\n').length;
  }
  return n;
}

/** Each container's table as the app draws it from a model: label → rows of cells. */
export function expectedContents(m: LiveModel): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  const channels = new Set(['Queue', 'JoinableQueue', 'Pipe']);
  for (const o of m.objects.all()) {
    if (o.info?.partOf) continue;
    const t = contentsOf(o, m);
    if (t && (t.rows.length || t.note || !channels.has(t.kind))) out[t.label] = t.rows;
  }
  return out;
}

/** Items put into queue `label` and not taken out by a get, up to `us`: from the events' item links alone. */
export function itemsInQueue(run: RunEvents, label: string, us: number): number[] {
  const put = new Set<number>();
  for (let i = 0; i < run.events.length && run.clocks[i] <= us; i++) {
    const e = run.events[i];
    if (e.obj !== label || e.error) continue;
    if (e.op === 'put' && (e.ph === 'X' || e.ph === 'E')) put.add(e.seq);
    if (e.item !== undefined) put.delete(e.item);
  }
  return [...put];
}

export interface Shown { processes: ShownProcess[]; lines: number; contents: Record<string, string[][]> }

/** What the replay on the page shows under `scope`: its process table, transcript and containers. */
export async function shownState(scope: Locator): Promise<Shown> {
  return scope.evaluate((root) => {
    const processes = [...root.querySelectorAll('.procs tr[data-pid]')].map((tr) => {
      const state = tr.getAttribute('data-state') ?? '';
      const text = (tr.querySelector('td.state')?.textContent ?? '').replace(/^[^a-z]*/i, '').trim();
      return { pid: Number(tr.getAttribute('data-pid')), state, text };
    }).sort((a, b) => a.pid - b.pid);
    const lines = root.querySelectorAll('.transcript li[data-pid]').length;
    const contents: Record<string, string[][]> = {};
    for (const fig of root.querySelectorAll('[data-contents]')) {
      contents[fig.getAttribute('data-contents')!] = [...fig.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
    }
    return { processes, lines, contents };
  });
}

/**
 * Waits until the replay shows the state at the scrubber's moment (every run of the view has
 * read its window, the full one, and folded to it), the moment being other than `before`; answers it.
 */
export async function settledAt(page: Page, before?: number): Promise<number> {
  const h = await page.waitForFunction((before) => {
    const bar = document.querySelector<HTMLElement>('[data-replay-bar]');
    if (!bar || bar.dataset.settled !== 'true') return null;
    const at = bar.dataset.cursorUs!;
    const runs = [...document.querySelectorAll<HTMLElement>('[data-replay="ready"]')];
    if (!runs.length || runs.some((r) => r.dataset.shownUs !== at || r.dataset.loading === 'true' || r.dataset.windowQuick === 'true')) return null;
    return before !== null && Number(at) === before ? null : Number(at);
  }, before ?? null, { timeout: 20_000 });
  return (await h.jsonValue())!;
}
