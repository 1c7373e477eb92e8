// Where an export goes. The service renders a run in a format and writes it into a sink the
// client chose: files (the CLI), a save dialog's file (Electron), a download (browser shell).
// A CSV export has two parts: the events, and the printed output beside them.

export interface ExportPart {
  /** 'main' is the export itself; 'output' the printed lines (CSV only). */
  role: 'main' | 'output';
  mime: string;
  /** Suggested file name, e.g. "fork-loop-20261129-....html". */
  fileName: string;
}

export interface ExportStream {
  write(chunk: string | Uint8Array): Promise<void>;
  end(): Promise<void>;
}

export interface ExportSink {
  open(part: ExportPart): Promise<ExportStream>;
}
