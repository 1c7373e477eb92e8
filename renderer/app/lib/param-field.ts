// A parameter field's text checked by the same rules the back end applies (shared/params.ts),
// so the form refuses exactly what the service would, with the same words.
import type { ResolvedParam } from '../../../shared/contract';
import { checkParam, describeAllowed, parseParamText, type ParamValue } from '../../../shared/params';

export type FieldCheck = { ok: true; value: ParamValue | undefined } | { ok: false; message: string };

/** Parameters whose empty field means "let the lab choose" (the seed: a random one, stored with the run). */
export const OPTIONAL_PARAMS = new Set(['seed']);

export function checkField(spec: ResolvedParam, input: string | boolean): FieldCheck {
  if (spec.type === 'bool') {
    const err = checkParam(spec, input);
    return err ? { ok: false, message: err.message } : { ok: true, value: input };
  }
  if (spec.type === 'enum') {
    const err = checkParam(spec, input);
    return err ? { ok: false, message: err.message } : { ok: true, value: input };
  }
  const text = String(input).trim();
  if (text === '') {
    if (OPTIONAL_PARAMS.has(spec.name)) return { ok: true, value: undefined };
    return { ok: false, message: `parameter "${spec.name}": a value is needed; allowed: ${describeAllowed(spec)}` };
  }
  const parsed = parseParamText(spec, text);
  if (typeof parsed === 'object') return { ok: false, message: parsed.message };
  const err = checkParam(spec, parsed);
  return err ? { ok: false, message: err.message } : { ok: true, value: parsed };
}

/** The field's first text: the resolved default (blank for a parameter the lab picks itself). */
export function initialInput(spec: ResolvedParam): string | boolean {
  if (spec.type === 'bool') return spec.default;
  if (spec.type === 'enum') return spec.default;
  return OPTIONAL_PARAMS.has(spec.name) ? '' : String(spec.default);
}
