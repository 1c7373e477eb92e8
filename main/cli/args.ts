// node:util parseArgs, with its errors turned into usage errors that show the command's usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\nusage: ${usage}`);
  }
}

/** A whole number from `min` to `max`, or a usage error naming the option. */
export function intOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}
