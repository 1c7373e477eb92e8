// The browser shell as the tests use it: the real server (dist/main/shell/shell-main.js, what
// `npm run serve` runs) on a free port, with a real LabService, real worker processes and a
// real SQLite file in a temporary folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../../shared/contract';

const ROOT = path.resolve(__dirname, '../../..');
export const SHELL_MAIN = path.join(ROOT, 'dist/main/shell/shell-main.js');
export const ADDRESS_LINE = /^Process Lab is at (http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]{32,})$/;

export interface Shell {
  proc: ChildProcess;
  url: string;
  origin: string;
  port: number;
  token: string;
  dir: string;
  db: string;
  stdout: () => string;
  stderr: () => string;
  /** A request to the contract, as the page makes it. */
  api<T = unknown>(name: string, args?: unknown, session?: string): Promise<Result<T>>;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `db: null` leaves --db out (the shell then uses the CLI's default place, under `env`). */
export async function startShell(extra: string[] = [], options: { db?: null; env?: NodeJS.ProcessEnv } = {}): Promise<Shell> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-shell-test-'));
  const db = path.join(dir, 'lab.sqlite');
  const dbArgs = options.db === null ? [] : ['--db', db];
  const proc = spawn(process.execPath, [SHELL_MAIN, '--port', '0', ...dbArgs, '--check-answers', ...extra], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env },
  });
  let out = '';
  let err = '';
  proc.stdout!.setEncoding('utf8').on('data', (c: string) => { out += c; });
  proc.stderr!.setEncoding('utf8').on('data', (c: string) => { err += c; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the shell printed no address in 30 s; stderr: ${err}`)), 30_000);
    const check = () => {
      const nl = out.indexOf('\n');
      if (nl >= 0) { clearTimeout(timer); resolve(out.slice(0, nl)); }
    };
    proc.stdout!.on('data', check);
    void exited.then((x) => { clearTimeout(timer); reject(new Error(`the shell exited (${JSON.stringify(x)}) before printing its address; stderr: ${err}`)); });
  });
  const m = ADDRESS_LINE.exec(line);
  if (!m) throw new Error(`unexpected first line: ${JSON.stringify(line)}`);
  const origin = m[1];
  const token = m[3];
  return {
    proc, url: line.slice('Process Lab is at '.length), origin, port: Number(m[2]), token, dir, db,
    stdout: () => out,
    stderr: () => err,
    async api<T>(name: string, args: unknown = {}, session?: string) {
      const res = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(session ? { 'X-Lab-Session': session } : {}) },
        body: JSON.stringify(args),
      });
      return await res.json() as Result<T>;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** Every process under `pid` (children, grandchildren, ...), from /proc. */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z') parentOf.set(Number(name), Number(fields[1]));
    } catch { /* gone meanwhile */ }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parentOf) if (parent === p) { out.push(child); walk(child); }
  };
  walk(pid);
  return out;
}
