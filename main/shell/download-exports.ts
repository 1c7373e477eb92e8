// The browser shell's ExportTarget: the service renders an export into files in a temporary
// folder, and the answer is a download address (/api/download/<id>) that the page fetches with
// its token. A file is removed once it has been downloaded, after a while if it never is, and
// on exit with the whole folder.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, type WriteStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ExportFormat, ExportResult } from '../../shared/contract';
import type { ExportPart, ExportSink, ExportStream } from '../core/service/export-sink';
import type { ExportTarget } from '../core/service/request-router';

/** A download nobody fetched is removed after this long. */
const UNCLAIMED_MS = 10 * 60_000;

interface Prepared { dir: string; file: string; fileName: string; mime: string; timer: NodeJS.Timeout }

export class DownloadExports implements ExportTarget {
  readonly root: string;
  private readonly ready = new Map<string, Prepared>();

  constructor(tmp = os.tmpdir()) {
    this.root = mkdtempSync(path.join(tmp, 'process-lab-downloads-'));
  }

  async open(_runId: string, _format: ExportFormat): Promise<{ sink: ExportSink; result: () => ExportResult }> {
    const id = randomBytes(16).toString('base64url');
    const dir = path.join(this.root, id);
    mkdirSync(dir);
    // An export that fails half-way never calls result(): its folder goes after a while too.
    let abandoned: NodeJS.Timeout | null = setTimeout(() => rmSync(dir, { recursive: true, force: true }), UNCLAIMED_MS);
    abandoned.unref();
    let main: ExportPart | null = null;
    const sink: ExportSink = {
      open: async (part) => {
        if (part.role === 'main') main = part;
        return fileStream(path.join(dir, safeName(part.fileName)));
      },
    };
    const result = (): ExportResult => {
      if (abandoned) { clearTimeout(abandoned); abandoned = null; }
      if (!main) throw new Error('the export wrote nothing');
      const fileName = safeName(main.fileName);
      const timer = setTimeout(() => this.remove(id), UNCLAIMED_MS);
      timer.unref();
      this.ready.set(id, { dir, file: path.join(dir, fileName), fileName, mime: main.mime, timer });
      return { kind: 'download', url: `/api/download/${id}`, fileName };
    };
    return { sink, result };
  }

  /** GET /api/download/<id> (the token was checked): sends the file once, then removes it. */
  serve(id: string, res: ServerResponse): void {
    const p = this.ready.get(id);
    if (!p) {
      res.writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: { code: 'not-found', message: `no download ${JSON.stringify(id)}: each export can be downloaded once; export it again` } }));
      return;
    }
    this.ready.delete(id);
    clearTimeout(p.timer);
    res.writeHead(200, {
      'Content-Type': p.mime,
      'Content-Length': String(statSync(p.file).size),
      'Content-Disposition': `attachment; filename="${p.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    const stream = createReadStream(p.file);
    stream.pipe(res);
    res.on('close', () => { stream.destroy(); rmSync(p.dir, { recursive: true, force: true }); });
  }

  get pending(): number { return this.ready.size; }

  close(): void {
    for (const p of this.ready.values()) clearTimeout(p.timer);
    this.ready.clear();
    rmSync(this.root, { recursive: true, force: true });
  }

  private remove(id: string): void {
    const p = this.ready.get(id);
    if (!p) return;
    this.ready.delete(id);
    rmSync(p.dir, { recursive: true, force: true });
  }
}

/** Export file names are ours (scenario-runId.ext), but a download name must never leave its folder. */
function safeName(name: string): string {
  return path.basename(name).replace(/[^A-Za-z0-9._-]/g, '_') || 'export';
}

function fileStream(file: string): ExportStream {
  const out: WriteStream = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => { /* surfaced by the next write or end */ });
  return {
    write: (chunk) => Promise.race([failed, new Promise<void>((resolve, reject) => out.write(chunk, (e) => (e ? reject(e) : resolve())))]),
    end: () => Promise.race([failed, new Promise<void>((resolve) => out.end(() => resolve()))]),
  };
}
