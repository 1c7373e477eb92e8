// Every answer crosses a boundary as data: a value, or an error with a code and a message.
import { z } from 'zod';

export const errorCodeSchema = z.enum([
  'bad-request',      // the request does not match the contract (the message names the field)
  'unknown-request',  // no such request name
  'not-found',        // no such run, scenario or subscription
  'bad-param',        // a scenario parameter out of range or of the wrong type
  'store',            // the history could not be read or written
  'unavailable',      // what was asked needs something missing here (a browser for PDF, ...)
  'unauthorized',     // the browser shell's token is missing or wrong
  'internal',         // a bug: the message says what failed
]);

export const wireErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** For 'store': the history's own reason (FOREIGN, NO_HISTORY, NO_FOLDER, NEWER_SCHEMA, DAMAGED,
   *  CORRUPT, WRITE_FAILED, READ_ONLY, ...), so a client can tell a wrong file from a failing one. */
  detail: z.string().optional(),
});

export type ErrorCode = z.infer<typeof errorCodeSchema>;
export type WireError = z.infer<typeof wireErrorSchema>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): { ok: false; error: WireError } => ({ ok: false, error: { code, message } });

/** The schema of a Result carrying `value`. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.union([z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: wireErrorSchema })]);
}
