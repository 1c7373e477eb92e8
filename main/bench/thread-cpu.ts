// CPU time of the calling thread, where the system tells it: a process's CPU (process.cpuUsage)
// also counts its other threads (V8's garbage collector helpers, the history writer), and wall
// time counts the time the thread waited for a CPU that other processes held.
import { readFileSync } from 'node:fs';

/**
 * CPU time of the calling thread so far, ms (Linux: /proc/thread-self/schedstat, in ns); null
 * elsewhere.
 */
export function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch { return null; }
}
