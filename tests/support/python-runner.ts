// Runs our Python reference programs (main/scenarios/python/<id>.py) the way the fidelity
// tests need: one program, one params object, N runs one after another, each in a process
// group of its own under a wall-clock limit. On timeout the whole group is killed; after a
// run ends, any process of its group still alive is reported (and killed), so a program
// that leaves a process behind cannot pass unnoticed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PYTHON_DIR = path.resolve(__dirname, '../../main/scenarios/python');
/** The exit code of a program ended by its hangAfterS parameter (see lab_params.py). */
export const HANG_EXIT_CODE = 3;

export interface PythonRun {
  /** The pid of the program's main process. */
  pid: number;
  /** stdout split into lines (without the final empty one). */
  lines: string[];
  stderr: string;
  /** null when the run was killed (timeout) or died of a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** pids of the run's process group still alive once its main process had exited. */
  leftovers: number[];
  ms: number;
}

export interface RunOptions {
  runs?: number;
  /** Wall-clock limit of one run, in ms (default 20 s: under the tests' 30 s, so a stuck run is
   *  killed and reported as timed out rather than left to the test timeout). */
  limitMs?: number;
}

let checked: { command: string; version: string } | null = null;

/** python3 (or $PYTHON), 3.11 or newer; throws a message that says what to install otherwise.
 *  `command` is the interpreter's own path (sys.executable). */
export function requirePython(): { command: string; version: string } {
  if (checked) return checked;
  const command = process.env.PYTHON ?? 'python3';
  // Asks for the interpreter's own path too: a launcher such as a pyenv shim costs a
  // shell script per start, so runs use the real executable.
  const r = spawnSync(command, ['-c', 'import sys, multiprocessing; print("%d.%d.%d" % sys.version_info[:3], sys.executable)'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const why = r.error ? (r.error as NodeJS.ErrnoException).code ?? r.error.message : `exit ${r.status}: ${r.stderr.trim()}`;
    throw new Error(`The Python reference programs need python3 3.11 or newer with multiprocessing; running "${command}" failed (${why}). Install python3 (3.11+) or point $PYTHON at one.`);
  }
  const [version, executable] = r.stdout.trim().split(' ');
  const [major, minor] = version.split('.').map(Number);
  if (major !== 3 || minor < 11) {
    throw new Error(`The Python reference programs need python3 3.11 or newer; "${command}" is ${version}. Install python3 (3.11+) or point $PYTHON at one.`);
  }
  checked = { command: executable || command, version };
  return checked;
}

export function programPath(id: string): string {
  const file = path.join(PYTHON_DIR, `${id}.py`);
  if (!existsSync(file)) throw new Error(`no Python reference program for "${id}" (looked for ${file})`);
  return file;
}

/** Processes of process group `pgid` that are alive (zombies are dead: they only wait to be reaped). */
export function groupMembers(pgid: number): number[] {
  if (process.platform !== 'linux') return [];
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is the state, fields[2] the process group
      if (fields[0] !== 'Z' && Number(fields[2]) === pgid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function killGroup(pgid: number): void {
  try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** After the main process exits, its group may need a moment to finish (Python's resource
 *  tracker leaves once its pipe closes). Whatever is still there after `graceMs` is left behind. */
export async function leftAfterExit(pgid: number, graceMs = 2000): Promise<number[]> {
  const until = Date.now() + graceMs;
  let alive = groupMembers(pgid);
  while (alive.length && Date.now() < until) {
    await sleep(50);
    alive = groupMembers(pgid);
  }
  return alive;
}

function runOnce(file: string, params: Record<string, unknown>, limitMs: number): Promise<PythonRun> {
  const { command } = requirePython();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [file, JSON.stringify(params)], {
      detached: true, // its own process group: kill(-pid) reaches every process it made
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: PYTHON_DIR,
    });
    const pgid = child.pid;
    if (pgid === undefined) {
      child.once('error', (e) => reject(new Error(`could not start ${command}: ${e.message}`)));
      return;
    }
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; killGroup(pgid); }, limitMs);
    let exit: { code: number | null; signal: NodeJS.Signals | null; leftovers: Promise<number[]> } | null = null;
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const leftovers = timedOut ? Promise.resolve([]) : leftAfterExit(pgid);
      // Whatever is left is killed once noted, so the streams close and nothing outlives the test.
      void leftovers.then((pids) => { if (pids.length) killGroup(pgid); });
      exit = { code, signal, leftovers };
    });
    child.on('close', async () => {
      if (!exit) return;
      const leftovers = await exit.leftovers;
      const lines = stdout.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      resolve({ pid: pgid, lines, stderr, code: exit.code, signal: exit.signal, timedOut, leftovers, ms: Date.now() - started });
    });
    child.on('error', (e) => { clearTimeout(timer); killGroup(pgid); reject(e); });
  });
}

/** Runs program `id` with `params`, `runs` times in a row; one result per run. */
export async function runPythonProgram(id: string, params: Record<string, unknown>, opts: RunOptions = {}): Promise<PythonRun[]> {
  const file = programPath(id);
  const out: PythonRun[] = [];
  for (let i = 0; i < (opts.runs ?? 1); i++) out.push(await runOnce(file, params, opts.limitMs ?? 20_000));
  return out;
}

/** One run; shorthand for the common case. */
export async function runPythonOnce(id: string, params: Record<string, unknown>, limitMs?: number): Promise<PythonRun> {
  return (await runPythonProgram(id, params, { runs: 1, limitMs }))[0];
}

/** A run's description for assertion messages: its exit and its stderr. */
export function describeRun(r: PythonRun): string {
  return `exit ${r.code ?? r.signal}${r.timedOut ? ' (timed out)' : ''}, ${r.lines.length} lines; stderr: ${r.stderr.trim() || '(empty)'}`;
}
