// Whether the Process Lab host that wrote a run is still running: a run marked 'running' by a
// host that no longer exists was interrupted.
export function hostAlive(pid: number | null): boolean {
  if (pid === null) return false;
  if (pid === process.pid) return true;
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}
