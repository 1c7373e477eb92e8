// When the app has no history (its SQLite build for Electron is missing), the requests that
// read or write the history answer why, in words a teacher can act on, instead of the
// service's generic "keeps no history". Everything else passes through unchanged.
import { fail, type ClientSession, type RequestHandler, type Result } from '../../shared/contract';

const HISTORY_REQUESTS = new Set(['history', 'run', 'compare', 'delete', 'export', 'exportCompare', 'events', 'tables', 'chart']);

export class HistoryUnavailable implements RequestHandler {
  constructor(private readonly inner: RequestHandler, private readonly reason: string) {}

  async handle(name: string, args: unknown, session: ClientSession): Promise<Result<unknown>> {
    const answer = await this.inner.handle(name, args, session);
    if (!answer.ok && answer.error.code === 'unavailable' && HISTORY_REQUESTS.has(name)) {
      return fail('unavailable', `the run history is unavailable: ${this.reason}`);
    }
    return answer;
  }
}
