// The contract's history filter turned into the store's query. Runs keep their start as an
// ISO time in UTC ("2026-11-29T10:00:00.000Z"), compared as text: a time given with another
// offset, without one (the machine's local time, as JavaScript reads it), or a day alone
// ("2026-11-29", UTC midnight) is first written that way.
import type { HistoryFilter } from '../../../shared/contract';
import type { HistoryQuery } from '../store/run-queries';
import { fail, type ServiceResult } from './service-error';

export function historyQuery(filter: HistoryFilter): ServiceResult<HistoryQuery> {
  const query: HistoryQuery = { ...filter };
  for (const key of ['from', 'to'] as const) {
    const text = filter[key];
    if (text === undefined) continue;
    const t = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim()) ? Date.parse(text.trim()) : NaN;
    if (!Number.isFinite(t)) {
      return fail('bad-request', `history: ${key}: ${JSON.stringify(text)} is not a date; give an ISO date or time, e.g. 2026-11-29 or 2026-11-29T10:00:00Z`);
    }
    query[key] = new Date(t).toISOString();
  }
  return { ok: true, value: query };
}
