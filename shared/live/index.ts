// The live stream's reducers: fold events (version 2; version 1 as far as it goes) into
// process lanes, object series and contents, arrows, transcript and progress, in time
// proportional to each batch.
//
//   live view   const m = new LiveModel({ retainUs: 30e6 }); on each push: m.fold(events);
//               draw when m.version moved (shared/charts, over a window ending at m.atUs)
//   replay      const m = LiveModel.fromSnapshot(page.stateAtStart); m.fold(page.events)
//   report      const m = new LiveModel(); m.fold(allEvents); runChartConfigs(m)
//   keyframes   the store keeps m.snapshot() (JSON) every N events; a model rebuilt from one
//               folds on exactly as the model that saw everything (its `live` part carries
//               the open calls and recent link ends the contract's RunSnapshot has no field for)
export { LiveModel, type LiveModelOptions, type LiveSummary } from './live-model';
export type { LiveSnapshot, LiveExtras, OpenCallSnapshot, RecentEnd } from './live-snapshot';
export type { Lane, LaneRow } from './process-lanes';
export type { LanePhase, LaneState } from './lane-states';
export { laneSpans, type Span } from './lane-spans';
export { TRACK_FIELDS, fieldNumber, type TrackField, type TrackedObject } from './object-tracks';
export { CONTENTS_BUDGET, MAX_IN_FLIGHT, UNSEEN, isUnseen, type InFlight } from './object-contents';
export type { Arrow, ArrowEnd, ArrowKind } from './arrows';
export type { TranscriptLine, TranscriptQuery } from './transcript';
export { BUCKET_BASE_US, MAX_BUCKETS } from './progress';
export { isV1 } from './v1-reader';
