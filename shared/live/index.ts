// The live stream's reducers: fold events (version 2, or version 1 as far as it goes) into
// lanes, object series, arrows, transcript and progress; snapshot and resume from keyframes.
export { LiveModel, type LiveModelOptions } from './live-model';
export type { LiveSnapshot, LiveExtras, OpenCallSnapshot, RecentEnd } from './live-snapshot';
export type { Lane, LaneRow } from './process-lanes';
export type { LanePhase, LaneState } from './lane-states';
export { laneSpans, type Span } from './lane-spans';
export { TRACK_FIELDS, fieldNumber, type TrackField, type TrackedObject } from './object-tracks';
export { UNSEEN, isUnseen, type InFlight } from './object-contents';
export type { Arrow, ArrowEnd, ArrowKind } from './arrows';
export type { TranscriptLine, TranscriptQuery } from './transcript';
export { BUCKET_BASE_US, MAX_BUCKETS } from './progress';
export { isV1 } from './v1-reader';
