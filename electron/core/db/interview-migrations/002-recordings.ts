import type { Migration } from '../migrations';

/**
 * Interview recordings, stored only inside the encrypted interview database: ordered chunks of at
 * most a few hundred KB (better-sqlite3 has no incremental blob I/O), each with its SHA-256, so a
 * crash or a lock loses at most the chunk being sent. `byte_offset` lets playback read any range
 * without reading the whole recording. Markers tie a moment to a guide question.
 */
export const interviewRecordings: Migration = {
  version: 2,
  name: 'recordings, recording chunks, markers',
  up(db) {
    db.exec(`
      CREATE TABLE recordings (
        id INTEGER PRIMARY KEY,
        interview_id INTEGER NOT NULL REFERENCES interviews (id),
        mime_type TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('recorded', 'imported')),
        status TEXT NOT NULL CHECK (status IN ('recording', 'interrupted', 'complete')),
        file_name TEXT,                     -- the imported file's name, for the coordinator
        duration_ms INTEGER,
        bytes INTEGER NOT NULL DEFAULT 0,
        last_sequence INTEGER NOT NULL DEFAULT -1, -- the last appended sequence from the recorder
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX recordings_by_interview ON recordings (interview_id, id);
      CREATE INDEX recordings_by_status ON recordings (status) WHERE status <> 'complete';
      CREATE TABLE recording_chunks (
        recording_id INTEGER NOT NULL REFERENCES recordings (id),
        position INTEGER NOT NULL,          -- storage order, 0, 1, 2…
        byte_offset INTEGER NOT NULL,       -- where this chunk starts in the audio file
        length INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (recording_id, position)
      ) STRICT;
      CREATE INDEX recording_chunks_by_offset ON recording_chunks (recording_id, byte_offset);
      CREATE TABLE recording_markers (
        id INTEGER PRIMARY KEY,
        recording_id INTEGER NOT NULL REFERENCES recordings (id),
        question_id INTEGER NOT NULL,
        at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX recording_markers_by_recording ON recording_markers (recording_id, at_ms);
    `);
  },
};
