// The transports' way into the service: a request by name with raw arguments, checked
// against the contract before the service sees it, answered as the contract says. Each
// client session owns its subscriptions; closing the session (a window closed, a stream
// dropped) ends them.
import {
  checkRequest, fail, ok, REQUESTS, type ClientSession, type ExportFormat, type ExportResult, type RequestHandler,
  type RequestName, type Result,
} from '../../../shared/contract';
import type { ExportSink } from './export-sink';
import type { LabService } from './lab-service';

/** Where a client's exports go: a save dialog in Electron, a download in the browser shell. */
export interface ExportTarget {
  /** A sink for this export, or null when the user cancelled (a dialog). With `comparedWith`,
   *  the export is run `runId` compared with that run (an HTML page). */
  open(runId: string, format: ExportFormat, comparedWith?: string): Promise<{ sink: ExportSink; result: () => ExportResult } | null>;
}

export interface RouterOptions {
  exports: ExportTarget;
  /** Check every answer against the contract too (tests; costs time on big answers). */
  checkAnswers?: boolean;
}

export class RequestRouter implements RequestHandler {
  private readonly owners = new Map<string, { session: ClientSession; unsubscribe: () => void }>();

  constructor(private readonly service: LabService, private readonly options: RouterOptions) {}

  async handle(name: string, rawArgs: unknown, session: ClientSession): Promise<Result<unknown>> {
    const checked = checkRequest(name, rawArgs);
    if (!checked.ok) return checked;
    let answer: Result<unknown>;
    try {
      answer = await this.dispatch(name as RequestName, checked.value as never, session);
    } catch (e) {
      answer = fail('internal', (e as Error).message);
    }
    if (this.options.checkAnswers && answer.ok) {
      const parsed = REQUESTS[name as RequestName].result.safeParse(answer.value);
      if (!parsed.success) return fail('internal', `the answer to ${name} does not match the contract: ${parsed.error.message}`);
    }
    return answer;
  }

  private async dispatch(name: RequestName, a: never, session: ClientSession): Promise<Result<unknown>> {
    const s = this.service;
    const args = a as Record<string, never>;
    switch (name) {
      case 'version': return s.version();
      case 'scenarios': return s.scenarios();
      case 'source': return s.source(args.scenario);
      case 'prepare': return s.prepare(args as never);
      case 'start': return s.start(args as never);
      case 'stop': return s.stop(args.runId);
      case 'live': return s.liveRuns();
      case 'subscribe': {
        const sub = s.subscribe(args.runId, args.fromSeq, (push) => session.push(push));
        if (!sub.ok) return sub;
        this.owners.set(sub.value.id, { session, unsubscribe: sub.value.unsubscribe });
        session.onClose(() => this.drop(sub.value.id));
        return ok({ subscription: sub.value.id });
      }
      case 'unsubscribe': {
        const owner = this.owners.get(args.subscription);
        if (!owner || owner.session !== session) return fail('not-found', `no subscription ${JSON.stringify(args.subscription)} of this client`);
        this.drop(args.subscription);
        return ok(null);
      }
      case 'history': return s.history(args as never);
      case 'run': return s.run(args.runId);
      case 'events': return s.events(args.runId, args.window);
      case 'tables': return s.tables(args.runId);
      case 'chart': return s.chart(args.runId, args.fromUs, args.toUs, args.buckets);
      case 'compare': return s.compare(args.a, args.b);
      case 'delete': return s.delete(args.runIds);
      case 'export': {
        const target = await this.options.exports.open(args.runId, args.format);
        if (!target) return ok({ kind: 'cancelled' } satisfies ExportResult);
        const done = await s.export(args.runId, args.format, target.sink);
        return done.ok ? ok(target.result()) : done;
      }
      case 'exportCompare': {
        const target = await this.options.exports.open(args.a, 'html', args.b);
        if (!target) return ok({ kind: 'cancelled' } satisfies ExportResult);
        const done = await s.exportCompare(args.a, args.b, target.sink);
        return done.ok ? ok(target.result()) : done;
      }
    }
  }

  private drop(id: string): void {
    const owner = this.owners.get(id);
    if (!owner) return;
    this.owners.delete(id);
    owner.unsubscribe();
  }
}
