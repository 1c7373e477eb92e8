// The report of one run: what `lab run --json` prints and what the store and exports keep.
// The schemas (and what every field means) are in contract/reports.ts.
export type {
  BlockedProcess, HangReport, InvariantResult, OutputLine, Prediction, ProcessRecord, RunReport, RunStatus,
} from './contract/reports';
