// The service a command talks to, with its history: --db or the platform's default place.
// 'read' for commands that only read (history, show, compare, export): the file is opened
// read-only, never created, migrated or written. 'write' for run and delete. 'none': no
// history (run --no-store, scenarios). Only the default data folder is ever created; what
// the history repaired on opening is told on stderr.
import { NodeForkPort } from '../core/process-port/node-fork-port';
import { LabService, defaultHistoryFile } from '../core/service/lab-service';
import type { Io } from './io';

export interface LabUse { db?: string; history: 'read' | 'write' | 'none' }

export function openLab(io: Io, use: LabUse): LabService {
  return new LabService({
    port: new NodeForkPort(),
    history: use.history === 'none' ? null : { file: use.db ?? defaultHistoryFile(), mode: use.history, createFolder: use.db === undefined },
    onNotice: (n) => io.err(`lab: ${n}`),
    log: (l) => io.err(`lab: ${l}`),
  });
}

/** Runs `f` with a service, closed afterwards: every run stopped, every process ended, the file closed. */
export async function withLab<T>(io: Io, use: LabUse, f: (lab: LabService) => Promise<T>): Promise<T> {
  const lab = openLab(io, use);
  try {
    return await f(lab);
  } finally {
    await lab.close();
  }
}
