// The one place that knows how this page reaches the lab. In the Electron window the preload
// exposes `window.processLab` (a LabClient); in a browser the address carries the browser
// shell's token (#token=...) and requests go over HTTP. Everything else in the renderer sees
// only the Transport below.
import type { ExportResult, LabClient } from '../../../shared/contract';
import { httpLab } from './http-client';

declare global {
  interface Window { processLab?: LabClient }
}

export interface Transport {
  lab: LabClient;
  /** Finishes an export for the user; answers what to tell them. */
  deliver(result: ExportResult): Promise<string>;
  /** Called once if the lab goes away (the browser shell stopped); never in Electron. */
  onConnectionLost(listener: (message: string) => void): () => void;
}

export type TransportChoice = { ok: true; transport: Transport } | { ok: false; message: string };

export function tokenFromHash(hash: string): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(hash);
  return m ? m[1] : null;
}

export function pickTransport(win: Window = window): TransportChoice {
  if (win.processLab) {
    const lab = win.processLab;
    return {
      ok: true,
      transport: {
        lab,
        deliver: async (r) => describeSaved(r),
        onConnectionLost: () => () => {},
      },
    };
  }
  const token = tokenFromHash(win.location.hash);
  if (!token) {
    return { ok: false, message: 'This page needs the address that npm start (or npm run serve) printed: it ends with #token=… . Open that address.' };
  }
  const http = httpLab(token, win.location.origin);
  return {
    ok: true,
    transport: {
      lab: http.client,
      async deliver(r) {
        if (r.kind !== 'download') return describeSaved(r);
        await http.download(r.url, r.fileName);
        return `Downloaded ${r.fileName}`;
      },
      onConnectionLost: (l) => http.onConnectionLost(l),
    },
  };
}

function describeSaved(r: ExportResult): string {
  if (r.kind === 'saved') return `Saved ${r.path} (${formatBytes(r.bytes)})`;
  if (r.kind === 'cancelled') return 'Not saved';
  return `Ready: ${r.fileName}`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
