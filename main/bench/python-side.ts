// Runs main/bench/python/mp_bench.py: the same workloads with Python's multiprocessing.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Measurement } from '../scenarios/internal/bench-meta';

export interface PythonInfo { command: string; version: string; startMethod: string }

/** The script is not compiled: it is read from the sources, whether this runs from dist/ or not. */
function scriptPath(): string {
  const relative = path.join('main', 'bench', 'python', 'mp_bench.py');
  let dir = __dirname;
  while (!existsSync(path.join(dir, relative)) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, relative);
}

/** python3 (or $PYTHON) with multiprocessing, or null when there is none. */
export function findPython(): PythonInfo | null {
  const command = process.env.PYTHON ?? 'python3';
  if (!existsSync(scriptPath())) return null;
  const r = spawnSync(command, ['-c', 'import multiprocessing as mp, platform; print(platform.python_version(), mp.get_start_method())'], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout) return null;
  const [version, startMethod] = r.stdout.trim().split(' ');
  return { command, version, startMethod };
}

export function runPython(py: PythonInfo, metric: string, n: number, procs: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    execFile(py.command, [scriptPath(), metric, String(n), String(procs)], { timeout: 300_000 }, (err, stdout, stderr) => {
      if (err) { reject(new Error(`python ${metric}: ${err.message}${stderr ? `\n${stderr}` : ''}`)); return; }
      try {
        const out = JSON.parse(stdout) as Measurement;
        resolve({ seconds: out.seconds, ops: out.ops });
      } catch {
        reject(new Error(`python ${metric} printed no JSON: ${stdout.slice(0, 200)}`));
      }
    });
  });
}
