// Runs kept in a real history file for the history, compare and delete tests: made through a
// browser shell's contract (as the app makes them), or by a CLI killed in the middle of a run
// (a run interrupted by a crash), and read back from the SQLite file itself.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RunReport, StartArgs } from '../../../shared/contract';
import { survivors } from '../../support/lab-host';
import type { Shell } from './shell';

export const CLI = path.resolve(__dirname, '../../../dist/main/cli/lab.js');

/** Runs each request to its end through the shell, `parallel` at a time; the reports in request order. */
export async function runAll(shell: Shell, requests: StartArgs[], parallel = 3): Promise<RunReport[]> {
  const out: RunReport[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const started = await shell.api<{ runId: string }>('start', requests[i]);
      if (!started.ok) throw new Error(`start ${JSON.stringify(requests[i])}: ${started.error.message}`);
      for (;;) {
        const r = await shell.api<RunReport>('run', { runId: started.value.runId });
        if (r.ok && r.value.status !== 'running') { out[i] = r.value; break; }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return out;
}

/**
 * A run whose host died: a CLI run of semaphore-pool that goes on for long, killed with
 * SIGKILL once a printed line is on disk. Its workers go when they see the host gone. Answers
 * the run's id (read from the file).
 */
export async function interruptedRun(db: string): Promise<string> {
  const cli = spawn(process.execPath, [CLI, 'run', 'semaphore-pool', '--set', 'holdMaxUnits=10', '--time-unit-ms', '2000', '--db', db], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve) => cli.stdout.on('data', (d: Buffer) => { if (d.toString().includes('Activating')) resolve(); }));
  const reader = new Database(db, { readonly: true });
  try {
    const kept = reader.prepare("SELECT count(*) AS n FROM event_blocks WHERE events LIKE '%Activating%'");
    for (let i = 0; i < 400 && (kept.get() as { n: number }).n === 0; i++) await new Promise((r) => setTimeout(r, 50));
  } finally {
    reader.close();
  }
  const workers = readFileSync(`/proc/${cli.pid}/task/${cli.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  cli.kill('SIGKILL');
  await new Promise((r) => cli.on('exit', r));
  const left = await survivors(workers, 60_000);
  if (left.length) throw new Error(`the killed CLI's workers ${left.join(', ')} did not go`);
  const ids = storedRuns(db).filter((r) => r.status === 'running').map((r) => r.id);
  if (ids.length !== 1) throw new Error(`expected one run left running in the file, found ${ids.length}`);
  return ids[0];
}

/** The runs in the history file, as the file itself holds them (newest first). */
export function storedRuns(db: string): { id: string; status: string; started_at: string }[] {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare('SELECT id, status, started_at FROM runs ORDER BY started_at DESC, rowid DESC').all() as { id: string; status: string; started_at: string }[];
  } finally {
    d.close();
  }
}

/** Moves a run's start to another time, in the file (a run made on another day). */
export function backdate(db: string, runId: string, startedAt: string): void {
  const d = new Database(db, { fileMustExist: true });
  try {
    if (d.prepare('UPDATE runs SET started_at = ? WHERE id = ?').run(startedAt, runId).changes !== 1) throw new Error(`no run ${runId} to backdate`);
  } finally {
    d.close();
  }
}
