// Where the CLI keeps the history when --db does not say: the platform's usual place for
// application data. (The desktop app uses its own user-data folder.)
import os from 'node:os';
import path from 'node:path';

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Process Lab', 'lab.sqlite');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Process Lab', 'lab.sqlite');
  const data = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(data, 'process-lab', 'lab.sqlite');
}
