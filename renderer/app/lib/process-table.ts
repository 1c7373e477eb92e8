// The process table of a live run, folded simply from its events as they arrive: created,
// started and exited from the life events, and blocked / sleeping from each operation's begin
// and end. (The timeline charts use shared/live; this table needs only this much.)
import type { ExitHow, LabEvent, ProcessRecord } from '../../../shared/contract';

/** 'unended': a stored run's process whose end was never recorded (its run was interrupted). */
export type ProcessState = 'created' | 'running' | 'blocked' | 'sleeping' | 'exited' | 'unended';

export interface ProcessRow {
  pid: number;
  name: string;
  program: string;
  parentPid: number | null;
  state: ProcessState;
  /** While blocked: the object and the operation. */
  on?: { obj: string; op: string };
  exitCode: number | null;
  signal: string | null;
  how: ExitHow | null;
  /** Order of creation in the run: picks the process's colour. */
  index: number;
}

export class ProcessTable {
  private readonly rows = new Map<number, ProcessRow>();
  /** Parents learnt from a spawn's answer before the child's 'created' event arrived. */
  private readonly parents = new Map<number, number>();

  /** Folds a batch in; answers whether anything changed. */
  fold(events: readonly LabEvent[]): boolean {
    let changed = false;
    for (const e of events) {
      if (e.kind === 'life') { this.life(e); changed = true; continue; }
      if (e.kind !== 'op') continue;
      if (e.op === 'spawn' && (e.ph === 'E' || e.ph === 'X')) { this.spawned(e); changed = true; }
      const row = this.rows.get(e.pid);
      if (!row || row.state === 'exited' || row.state === 'created') continue;
      if (e.ph === 'B') {
        row.state = e.op === 'sleep' ? 'sleeping' : 'blocked';
        row.on = e.op === 'sleep' ? undefined : { obj: e.obj ?? '?', op: e.op ?? '?' };
        changed = true;
      } else if (e.ph === 'E' && row.state !== 'running') {
        row.state = 'running';
        row.on = undefined;
        changed = true;
      }
    }
    return changed;
  }

  list(): ProcessRow[] { return [...this.rows.values()].map((r) => ({ ...r })); }

  get size(): number { return this.rows.size; }

  /** The run's end: its report's process table is the last word. */
  settle(records: readonly ProcessRecord[]): void {
    for (const p of records) {
      const row = this.rows.get(p.pid) ?? this.add(p.pid, p.name, p.program, p.parentPid);
      Object.assign(row, {
        name: p.name, program: p.program, parentPid: p.parentPid,
        state: p.endMs === null && p.how === null ? row.state : 'exited',
        on: undefined, exitCode: p.exitCode, signal: p.signal, how: p.how,
      });
    }
  }

  private life(e: LabEvent): void {
    if (e.life === 'created') {
      const name = e.proc?.name ?? e.res ?? `process ${e.pid}`;
      const program = e.proc?.program ?? e.arg ?? '';
      const parent = e.proc ? e.proc.parentPid : (this.parents.get(e.pid) ?? null);
      const row = this.rows.get(e.pid);
      if (row) Object.assign(row, { name, program, parentPid: row.parentPid ?? parent });
      else this.add(e.pid, name, program, parent);
      return;
    }
    const row = this.rows.get(e.pid) ?? this.add(e.pid, `process ${e.pid}`, '', this.parents.get(e.pid) ?? null);
    if (e.life === 'started' && row.state === 'created') row.state = 'running';
    if (e.life === 'exited') {
      row.state = 'exited';
      row.on = undefined;
      row.exitCode = e.exitCode ?? null;
      row.signal = e.signal ?? null;
      row.how = e.how ?? null;
    }
  }

  /** A spawn's answer names the child: its parent is the caller (format 1 has no parentPid). */
  private spawned(e: LabEvent): void {
    const child = childPid(e);
    if (child === null) return;
    const row = this.rows.get(child);
    if (row) { if (row.parentPid === null) row.parentPid = e.pid; }
    else this.parents.set(child, e.pid);
  }

  private add(pid: number, name: string, program: string, parentPid: number | null): ProcessRow {
    const row: ProcessRow = { pid, name, program, parentPid, state: 'created', exitCode: null, signal: null, how: null, index: this.rows.size };
    this.rows.set(pid, row);
    return row;
  }
}

function childPid(e: LabEvent): number | null {
  const v = e.value as { pid?: unknown } | undefined;
  if (v && typeof v === 'object' && typeof v.pid === 'number') return v.pid;
  if (typeof e.res === 'string') {
    try {
      const r = JSON.parse(e.res) as { pid?: unknown };
      if (r && typeof r.pid === 'number') return r.pid;
    } catch { /* a summary, not JSON */ }
  }
  return null;
}

/** How a row's state reads, in words (state is never shown by colour alone). */
export function describeState(r: ProcessRow): string {
  switch (r.state) {
    case 'created': return 'starting';
    case 'running': return 'running';
    case 'sleeping': return 'sleeping';
    case 'blocked': return r.on ? `blocked: ${r.on.op} on ${r.on.obj}` : 'blocked';
    case 'exited': return 'exited';
    case 'unended': return 'no end recorded';
  }
}

/** The exit column: code, signal, and how it ended. */
export function describeExit(r: ProcessRow): string {
  if (r.state !== 'exited') return '';
  const code = r.signal ? `signal ${r.signal}` : r.exitCode === null ? '–' : String(r.exitCode);
  return r.how && r.how !== 'returned' && r.how !== 'exit' ? `${code} (${r.how})` : code;
}
