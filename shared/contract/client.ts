// What a client of the service sees: one function per request, answering the contract's
// Result, and a stream of pushes. The renderer gets one of these from its transport
// (Electron IPC through the preload, or the browser shell's HTTP + server-sent events) and
// cannot tell which; the CLI calls the service in-process through the same shape.
import type { Push } from './pushes';
import type { RequestArgs, RequestName, RequestResult } from './requests';
import type { Result } from './result';

export type RequestFunctions = {
  [N in RequestName]: (args: RequestArgs<N>) => Promise<Result<RequestResult<N>>>;
};

export interface LabClient extends RequestFunctions {
  /** Every push for this client's subscriptions; returns a function that stops listening. */
  onPush(listener: (push: Push) => void): () => void;
}

/** Where a request goes on the back end: the transport's session hands pushes back. */
export interface RequestHandler {
  handle(name: string, args: unknown, session: ClientSession): Promise<Result<unknown>>;
}

export interface ClientSession {
  /** Delivers a push to this client (the transport's channel: IPC send, SSE write). */
  push(push: Push): void;
  /** Registered with the session so that closing it (window gone, stream closed) unsubscribes. */
  onClose(cleanup: () => void): void;
}
