// node:util parseArgs, with its errors turned into usage errors that show the command's usage.
// Every command also takes --help (-h), and an option given twice is refused rather than
// silently keeping the last value (repeatable options say so with `multiple`).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

/** `<command> --help`: the command's usage goes to stdout with exit 0. */
export class HelpRequested extends Error {}

type Values<O extends NonNullable<ParseArgsConfig['options']>> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];
interface Parsed<O extends NonNullable<ParseArgsConfig['options']>> { values: Values<O> & { help?: boolean }; positionals: string[]; tokens: { kind: string; name?: string }[] }

export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string): { values: Values<O>; positionals: string[] } {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true, tokens: true }) as unknown as Parsed<O>;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\nusage: ${usage}`);
  }
  if (parsed.values.help) throw new HelpRequested(usage);
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || !t.name || options[t.name]?.multiple) continue;
    if (seen.has(t.name)) throw new UsageError(`--${t.name} is given more than once; give it once\nusage: ${usage}`);
    seen.add(t.name);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** A whole number from `min` to `max`, or a usage error naming the option. */
export function intOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}
