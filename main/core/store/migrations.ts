// The store's schema, as a list of migrations. PRAGMA user_version says how many have run;
// opening a file runs the missing ones in one transaction. Never edit a shipped migration:
// add a new one.
export const MIGRATIONS: readonly string[] = [
  // 1: the first schema.
  `CREATE TABLE runs (
     no INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     scenario TEXT NOT NULL,
     params TEXT NOT NULL,
     seed INTEGER NOT NULL,
     time_unit_ms INTEGER NOT NULL,
     app_version TEXT NOT NULL,
     started_at TEXT NOT NULL,
     ended_at TEXT,
     status TEXT NOT NULL,
     duration_ms REAL,
     summary TEXT,
     invariants TEXT,
     result TEXT,
     notes TEXT,
     hang TEXT,
     event_count INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE processes (
     run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
     pid INTEGER NOT NULL,
     name TEXT NOT NULL,
     program TEXT NOT NULL,
     parent_pid INTEGER,
     daemon INTEGER NOT NULL,
     exit_code INTEGER,
     signal TEXT,
     start_ms REAL NOT NULL,
     end_ms REAL,
     PRIMARY KEY (run_id, pid)
   ) WITHOUT ROWID;
   -- Events are kept in blocks: one row per batch the kernel handed out, its events a JSON
   -- array of rows (columns in main/core/store/event-rows.ts). Writing a block costs about as
   -- much as writing one event, so the history keeps up with the fastest runs.
   CREATE TABLE event_blocks (
     run_no INTEGER NOT NULL,
     first_seq INTEGER NOT NULL,
     last_seq INTEGER NOT NULL,
     first_t INTEGER NOT NULL,
     last_t INTEGER NOT NULL,
     count INTEGER NOT NULL,
     events TEXT NOT NULL,
     PRIMARY KEY (run_no, first_seq)
   ) WITHOUT ROWID;
   -- Per run, per 10 ms of run time, per object: what a chart needs, kept up to date as events
   -- are written, so that even a run of a million events opens at once.
   CREATE TABLE event_buckets (
     run_no INTEGER NOT NULL,
     bucket INTEGER NOT NULL,
     obj TEXT NOT NULL,
     ops INTEGER NOT NULL,
     first_seq INTEGER NOT NULL,
     last_seq INTEGER NOT NULL,
     size INTEGER, value REAL, waiters INTEGER, owner INTEGER, flag INTEGER,
     PRIMARY KEY (run_no, bucket, obj)
   ) WITHOUT ROWID;
   CREATE TABLE output (
     run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
     line INTEGER NOT NULL,
     t_ms REAL NOT NULL,
     pid INTEGER NOT NULL,
     name TEXT NOT NULL,
     text TEXT NOT NULL,
     PRIMARY KEY (run_id, line)
   ) WITHOUT ROWID;`,
  // 2: how a run was meant to end, whether it passed, its predict answer, which host process
  //    wrote it (to tell a crashed host's run from one still going); a history index.
  `ALTER TABLE runs ADD COLUMN expected_status TEXT;
   ALTER TABLE runs ADD COLUMN host_pid INTEGER;
   ALTER TABLE runs ADD COLUMN passed INTEGER;
   ALTER TABLE runs ADD COLUMN prediction TEXT;
   CREATE INDEX runs_by_start ON runs(started_at DESC);`,
  // 3: how each process ended (returned, raised, daemon, crashed, ...; shared/events.ts ExitHow).
  `ALTER TABLE processes ADD COLUMN how TEXT;`,
  // 4: the event format each block was written in (shared/events.ts EVENT_FORMAT_VERSION).
  `ALTER TABLE event_blocks ADD COLUMN format INTEGER NOT NULL DEFAULT 1;`,
  // 5: what a replay needs to draw any moment of a run alone.
  //    - Chart buckets keep per field its smallest, largest and last value (the columns named
  //      after a field hold its largest; `unfinished` was not kept before). Buckets are now
  //      cut on the model's clock (an event's t, never earlier than an event before it).
  //    - Each run's objects as their `create` events describe them, written as they appear
  //      (processes were already a table: its rows are now also written as they appear).
  //    - Keyframes: the live model's snapshot (shared/live) every `keyframe_every` events, so
  //      the state at any moment is a keyframe plus at most that many events folded on.
  //    - runs.keyframe_every: NULL for a run stored before (no keyframes, max-only buckets,
  //      no object table): its windows and charts are rebuilt from its events.
  `ALTER TABLE runs ADD COLUMN keyframe_every INTEGER;
   ALTER TABLE event_buckets ADD COLUMN unfinished INTEGER;
   ALTER TABLE event_buckets ADD COLUMN size_min REAL;
   ALTER TABLE event_buckets ADD COLUMN size_last REAL;
   ALTER TABLE event_buckets ADD COLUMN unfinished_min REAL;
   ALTER TABLE event_buckets ADD COLUMN unfinished_last REAL;
   ALTER TABLE event_buckets ADD COLUMN value_min REAL;
   ALTER TABLE event_buckets ADD COLUMN value_last REAL;
   ALTER TABLE event_buckets ADD COLUMN waiters_min REAL;
   ALTER TABLE event_buckets ADD COLUMN waiters_last REAL;
   ALTER TABLE event_buckets ADD COLUMN owner_min REAL;
   ALTER TABLE event_buckets ADD COLUMN owner_last REAL;
   ALTER TABLE event_buckets ADD COLUMN flag_min REAL;
   ALTER TABLE event_buckets ADD COLUMN flag_last REAL;
   CREATE TABLE objects (
     run_no INTEGER NOT NULL,
     label TEXT NOT NULL,
     kind TEXT NOT NULL,
     -- the create event's object (kind, label, limits), as JSON
     info TEXT NOT NULL,
     created_seq INTEGER NOT NULL,
     created_us INTEGER NOT NULL,
     PRIMARY KEY (run_no, label)
   ) WITHOUT ROWID;
   CREATE TABLE keyframes (
     run_no INTEGER NOT NULL,
     -- the last event folded in, and the model's clock then (µs)
     seq INTEGER NOT NULL,
     at_us INTEGER NOT NULL,
     -- a RunSnapshot (shared/contract/snapshot.ts) with its live part, as JSON
     state TEXT NOT NULL,
     PRIMARY KEY (run_no, seq)
   ) WITHOUT ROWID;`,
  // 6: when the run's clock started (its processes prepared): events' t count from there.
  `ALTER TABLE runs ADD COLUMN clock_started_at TEXT;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
