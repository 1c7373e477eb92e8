// Where `lab export` puts what the service renders: the file --out names (and, for csv, the
// output lines beside it), written by write-file-atomic so that what the name stands for is
// never replaced (a link is written through, a device or FIFO written into, a regular file
// written whole or not at all); or standard output (`--out -`, or a link to our own stdout).
import type { ExportPart, ExportSink, ExportStream } from '../core/service/export-sink';
import { planWrite, writeFileAtomic, WriteRefused, type WritePlan } from '../core/write-file-atomic';
import type { Io } from './io';

/** Where each part goes: a file and how it will be written, or standard output. */
export type Destination = { file: string; plan: WritePlan } | 'stdout';

export class FileSink implements ExportSink {
  /** The write that was refused, and why (the export then fails). */
  refused: { file: string; error: WriteRefused } | undefined;
  /** Standard output's reader went away before everything was written (`| head`). */
  stdoutGone = false;

  constructor(private readonly to: { main: Destination; output?: Destination }, private readonly io: Io) {}

  async open(part: ExportPart): Promise<ExportStream> {
    const to = part.role === 'main' ? this.to.main : this.to.output;
    if (!to) throw new Error(`no place was given for the export's ${part.role} part`);
    if (to === 'stdout') {
      return {
        write: async (chunk) => { if (!this.stdoutGone && !(await this.io.write(chunk))) this.stdoutGone = true; },
        end: async () => {},
      };
    }
    // A file is written whole at the end: complete, or not at all.
    const chunks: Buffer[] = [];
    return {
      write: async (chunk) => { chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)); },
      end: async () => {
        try {
          // Planned again: what the name stands for may have changed since the command checked it.
          writeFileAtomic(to.file, Buffer.concat(chunks), planWrite(to.file));
        } catch (e) {
          if (e instanceof WriteRefused) this.refused = { file: to.file, error: e };
          throw e;
        }
      },
    };
  }
}
