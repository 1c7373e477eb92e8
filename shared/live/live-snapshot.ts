// What the live model adds to a RunSnapshot so that a model built from a keyframe folds on
// exactly as the model that saw everything: every call still open, the ends of the last events
// a later wake may name as its cause, and counters. The schema is the contract's (snapshot.ts).
import type { LiveExtras, OpenCallSnapshot, RecentEnd, RunSnapshot } from '../contract/snapshot';

export type { LiveExtras, OpenCallSnapshot, RecentEnd };

export type LiveSnapshot = RunSnapshot;
