// The environment a worker process gets: only what a Node process needs to run (the path,
// temporary folders, locale and time zone, Windows' system folders), never the app's own
// (tokens, proxies, NODE_OPTIONS, ELECTRON_* switches, whatever the user's shell exported).
const KEPT = ['PATH', 'SystemRoot', 'WINDIR', 'TEMP', 'TMP', 'TMPDIR', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ'];

export function workerEnv(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  // Electron gives a utility process the whole parent environment when `env` is empty, so
  // there is always one entry of ours.
  const env: Record<string, string> = { PROCESS_LAB_WORKER: '1' };
  for (const name of KEPT) {
    const value = from[name];
    if (typeof value === 'string') env[name] = value;
  }
  return env;
}
