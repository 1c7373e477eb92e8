// The messages between the kernel's thread and the history's two threads. The kernel's thread
// posts to the fold thread (fold-thread.ts), which parses and folds each run's batches and
// passes everything on, in order, to the writer thread (writer-thread.ts), which writes it.
// Both answer the kernel's thread directly.
import type { RunReport } from '../../../shared/run-report';
import type { RunWriteSet } from './run-folder';
import type { RunStart } from './run-writes';

/** Kernel's thread → fold thread. */
export type StoreMessage =
  | { t: 'begin'; run: RunStart }
  /** A batch of events as JSON text (an array of LabEvent). */
  | { t: 'events'; runId: string; json: string }
  | { t: 'end'; report: RunReport }
  | { t: 'flush'; id: number };

/** Fold thread → writer thread: the same order, events folded into what is to be written. */
export type WriteMessage =
  | { t: 'begin'; run: RunStart & { keyframeEvery: number } }
  | { t: 'write'; runId: string; set: RunWriteSet }
  | { t: 'end'; report: RunReport }
  | { t: 'flush'; id: number };

/** Either thread → kernel's thread. */
export type StoreReply =
  | { t: 'flushed'; id: number; written: number }
  /** Part of a run could not be stored: `message` says why (SQLite's code in brackets). */
  | { t: 'failed'; runId: string; message: string }
  /** The thread cannot work at all and has stopped. */
  | { t: 'fatal'; message: string };
