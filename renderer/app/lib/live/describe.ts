// Marks in words: a hovered span, exit, arrow or point as a tooltip (process, operation,
// object, arguments or value, time), from the live model and the events still held.
// Version-1 events (no links, short summaries) say what they can.
import type { LabEvent } from '../../../../shared/contract';
import type { Arrow, Lane, LiveModel } from '../../../../shared/live';
import { PHASE_SYMBOL } from './chart-theme';
import type { EventLookup } from './event-log';
import type { Hit } from './hit';
import { formatAt, formatDuration } from './time-axis';
import { pyValueText } from '../../../../shared/values';

export interface Tip {
  title: string;
  rows: [string, string][];
  /** The events the tip is about (tests and the replay's "go to event" read them). */
  seqs: number[];
}

/** A value as Python's repr shows it, cut short ('3' and 3 differ, as in Python). */
export const shortValue = (v: unknown, max = 60): string => pyValueText(v, max);

/** How a process ended: its code or signal, and how when it is not the usual return (`withHow`, where there is room). */
export function describeExit(lane: Pick<Lane, 'exitCode' | 'signal' | 'how'>, withHow = true): string {
  const code = lane.signal ? lane.signal : lane.exitCode === null || lane.exitCode === undefined ? 'exited' : `exit ${lane.exitCode}`;
  return withHow && lane.how && lane.how !== 'returned' && lane.how !== 'exit' ? `${code} (${lane.how})` : code;
}

export function processName(model: LiveModel, pid: number): string {
  const lane = model.lanes.get(pid);
  return pid === 0 ? 'the lab' : lane ? `${lane.name} (pid ${pid})` : `pid ${pid}`;
}

/** One event in a line: who did what on what, with its arguments, value or error. */
export function describeEvent(e: LabEvent, model: LiveModel): string {
  const who = processName(model, e.pid);
  if (e.kind === 'life') return `${who} ${e.life}`;
  if (e.kind === 'print') return `${who} printed ${shortValue(e.text ?? '')}`;
  if (e.kind === 'error') return `${who}: ${e.text ?? 'error'}`;
  const args = e.args ? `(${e.args.map((a) => shortValue(a, 30)).join(', ')})` : e.arg !== undefined ? `(${e.arg})` : '';
  let out = `${who} ${e.op ?? '?'}${args} on ${e.obj ?? '?'}`;
  if (e.error) out += ` → ${e.error.code}: ${e.error.message}`;
  else if (e.value !== undefined) out += ` → ${shortValue(e.value)}`;
  else if (e.res !== undefined) out += ` → ${e.res}`;
  if (e.timedOut) out += ' (timed out)';
  return out;
}

const ARROW_WORDS: Record<string, Record<Arrow['kind'], string>> = {
  Queue: { item: 'put → get', wake: 'get made room → put', spawn: 'spawn → child', exit: 'exit → join' },
  JoinableQueue: { item: 'put → get', wake: 'task_done → join', spawn: 'spawn → child', exit: 'exit → join' },
  Pipe: { item: 'send → recv', wake: 'close → recv (EOFError)', spawn: 'spawn → child', exit: 'exit → join' },
  Lock: { item: 'item', wake: 'release → acquire', spawn: 'spawn → child', exit: 'exit → join' },
  Semaphore: { item: 'item', wake: 'release → acquire', spawn: 'spawn → child', exit: 'exit → join' },
  Condition: { item: 'item', wake: 'notify → wake', spawn: 'spawn → child', exit: 'exit → join' },
  Event: { item: 'item', wake: 'set → wake', spawn: 'spawn → child', exit: 'exit → join' },
};

/** What an arrow stands for: "put → get", "release → acquire", "spawn → child", … */
export function arrowWords(a: Arrow, model: LiveModel, lookup: EventLookup): string {
  const from = lookup.get(a.from.seq), to = lookup.get(a.to.seq);
  if (a.kind === 'spawn') return 'spawn → child';
  if (a.kind === 'exit') return to?.op === 'atexit' ? 'exit → parent\'s exit' : 'exit → join';
  if (from?.op && to?.op) {
    const target = to.op === 're-acquire' || to.op === 'notified' ? 'wake' : to.op;
    return `${from.op} → ${target}`;
  }
  const kind = model.objects.get(a.obj)?.info?.kind;
  return (kind && ARROW_WORDS[kind]?.[a.kind]) ?? (a.kind === 'item' ? 'item' : 'wake');
}

export function describeHit(hit: Hit, model: LiveModel, lookup: EventLookup): Tip {
  switch (hit.kind) {
    case 'span': {
      const st = hit.state;
      const rows: [string, string][] = [
        ['state', `${PHASE_SYMBOL[st.phase]} ${st.phase === 'blocked' ? `blocked: ${st.label}` : st.label}`],
        ['from', formatAt(hit.fromUs)],
        ['to', hit.open ? 'still going on' : formatAt(hit.toUs)],
        ['for', formatDuration(hit.toUs - hit.fromUs)],
      ];
      const seqs: number[] = [];
      if (hit.call > 0) {
        const begin = lookup.get(hit.call);
        if (begin) { rows.push(['call', describeEvent(begin, model)]); seqs.push(begin.seq); }
        const end = hit.open ? undefined : lookup.endOf(hit.call) ?? lookup.findAt(hit.toUs, (e) => e.pid === hit.pid && e.ph === 'E');
        if (end) { rows.push(['answer', describeEvent(end, model)]); seqs.push(end.seq); }
        if (!begin) rows.push(['event', `#${hit.call} is no longer held on screen (the history keeps it)`]);
      }
      return { title: processName(model, hit.pid), rows, seqs };
    }
    case 'exit': {
      const lane = model.lanes.get(hit.pid);
      const e = lookup.findAt(hit.atUs, (x) => x.pid === hit.pid && x.life === 'exited');
      return {
        title: processName(model, hit.pid),
        rows: [['ended', lane ? describeExit(lane) : 'exited'], ['at', formatAt(hit.atUs)]],
        seqs: e ? [e.seq] : [],
      };
    }
    case 'arrow': {
      const a = hit.arrow;
      const from = lookup.get(a.from.seq), to = lookup.get(a.to.seq);
      const rows: [string, string][] = [
        ['from', `${processName(model, a.from.pid)} at ${formatAt(a.from.t)}`],
        ['to', `${processName(model, a.to.pid)} at ${formatAt(a.to.t)}`],
        ['after', formatDuration(a.to.t - a.from.t)],
      ];
      if (from) rows.push(['cause', describeEvent(from, model)]);
      if (to) rows.push(['effect', describeEvent(to, model)]);
      return { title: `${arrowWords(a, model, lookup)} on ${a.obj}`, rows, seqs: [a.from.seq, a.to.seq] };
    }
    case 'point': {
      const o = model.objects.get(hit.obj);
      const e = lookup.findAt(hit.atUs, (x) => x.obj === hit.obj && x.state !== undefined);
      const rows: [string, string][] = [
        [hit.field, String(hit.value)],
        ['from', formatAt(hit.atUs)],
      ];
      if (e) rows.push(['event', describeEvent(e, model)]);
      else rows.push(['event', 'no longer held on screen (the history keeps it)']);
      return { title: `${hit.obj}${o?.info ? ` (${o.info.kind})` : ''}`, rows, seqs: e ? [e.seq] : [] };
    }
  }
}
