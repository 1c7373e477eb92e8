// The contract between the back end and its clients: every request with its argument and
// answer schema, every pushed message, and one version number. Both sides take their types
// from here (z.infer); nothing is kept in sync by hand.
import { z } from 'zod';
import { REQUESTS, type RequestArgs, type RequestName } from './requests';
import { fail, type Result } from './result';

/**
 * Bumped whenever a request, an answer or a push changes shape.
 * 2: a snapshot's `live` part may carry `previous` (the events answer's stateAtStart); `tables`.
 * 3: `prepare` (the workers of a run about to start, made ready while its form is on screen).
 */
export const CONTRACT_VERSION = 3;

export * from './client';
export * from './events';
export * from './history';
export * from './pushes';
export * from './reports';
export * from './requests';
export * from './result';
export * from './scenarios';
export * from './snapshot';

export const REQUEST_NAMES = Object.keys(REQUESTS) as RequestName[];

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(REQUESTS, name);
}

/**
 * Checks a request's argument against the contract; a malformed one is refused with
 * 'bad-request' and a message that names the field and what it must be.
 */
export function checkRequest<N extends RequestName>(name: N, args: unknown): Result<RequestArgs<N>>;
export function checkRequest(name: unknown, args: unknown): Result<unknown>;
export function checkRequest(name: unknown, args: unknown): Result<unknown> {
  if (!isRequestName(name)) return fail('unknown-request', `no request ${JSON.stringify(name)}; the contract has: ${REQUEST_NAMES.join(', ')}`);
  const parsed = (REQUESTS[name].args as z.ZodType).safeParse(args ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return fail('bad-request', `${name}: ${describeIssues(parsed.error)}`);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => {
    const at = i.path.length ? i.path.join('.') : 'the argument';
    if (i.code === 'unrecognized_keys') return `${at} has unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`;
    return `${at}: ${i.message}`;
  }).join('; ');
}
