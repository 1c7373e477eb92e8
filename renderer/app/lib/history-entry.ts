// How a stored run reads in the history: the parameters it changed from the scenario's
// defaults, when it ran, how long, and the date filters turned into the service's times.
import type { ParamValue, ScenarioInfo } from '../../../shared/contract';

/** Not listed as "changed": the seed is drawn at random for every run unless given. */
const NEVER_CHANGED = new Set(['seed']);

/** The parameters whose value is not the scenario's default, as name=value (the history's search syntax). */
export function changedParams(params: Record<string, ParamValue>, scenario: ScenarioInfo | undefined): string[] {
  const defaults = new Map(scenario?.params.map((p) => [p.name, p.default]) ?? []);
  return Object.entries(params)
    .filter(([name, value]) => !NEVER_CHANGED.has(name) && (!defaults.has(name) || defaults.get(name) !== value))
    // Without the scenario (an internal one, or one no longer in the catalogue) every parameter is listed.
    .map(([name, value]) => `${name}=${String(value)}`);
}

/** The start of a day of the student's calendar ("2026-11-29", their time zone), as an ISO time. */
export function localDayStart(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The start of the day after: the end of a range that includes `day` (the service's `to` is exclusive). */
export function localDayEnd(day: string): string | null {
  const start = localDayStart(day);
  if (start === null) return null;
  const d = new Date(start);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** When a run started, in the student's time zone and language. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : WHEN.format(d);
}

/** A run's length; a run whose end was never written has none. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.floor(ms / 60_000)} min ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')} s`;
}
