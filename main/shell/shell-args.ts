// `npm run serve -- [--port N] [--db PATH]`: the browser shell's few options.

export interface ShellArgs {
  /** null: the usual port, or any free one when it is taken. */
  port: number | null;
  db: string | null;
  /** Open the system browser at the address (the launcher asks for it). */
  open: boolean;
  /** Check every answer against the contract too (tests). */
  checkAnswers: boolean;
}

export const USAGE = 'usage: npm run serve -- [--port N] [--db PATH]\n' +
  '  --port N   listen on 127.0.0.1:N (1-65535; 0 picks a free port; default 4680, or a free one when taken)\n' +
  '  --db PATH  the run history file (default: the same file as the CLI)';

export function parseShellArgs(argv: readonly string[]): { ok: true; args: ShellArgs } | { ok: false; message: string } {
  const args: ShellArgs = { port: null, db: null, open: false, checkAnswers: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i++;
      return v;
    };
    switch (flag) {
      case '--port': {
        const v = value();
        if (v === null || !/^\d+$/.test(v) || Number(v) > 65535) return { ok: false, message: `--port needs a port number from 0 to 65535${v === null ? '' : `, not "${v}"`}` };
        args.port = Number(v);
        break;
      }
      case '--db': {
        const v = value();
        if (!v) return { ok: false, message: '--db needs the path of the history file' };
        args.db = v;
        break;
      }
      case '--open': args.open = true; break;
      case '--no-open': args.open = false; break;
      case '--check-answers': args.checkAnswers = true; break;
      case '--help': case '-h': return { ok: false, message: USAGE };
      default: return { ok: false, message: `unknown option "${a}"\n${USAGE}` };
    }
  }
  return { ok: true, args };
}
