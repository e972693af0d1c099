import type { Migration } from '../migrations';

/**
 * Transcripts (one current text per interview) and qualitative coding: a codebook per pilot and
 * coded excerpts. Excerpt offsets are Unicode code points from 0, end exclusive, into the current
 * transcript text; the transcript's version increases with every save.
 */
export const interviewTranscriptsCoding: Migration = {
  version: 3,
  name: 'transcripts, codebook, coded excerpts',
  up(db) {
    db.exec(`
      CREATE TABLE transcripts (
        interview_id INTEGER PRIMARY KEY REFERENCES interviews (id),
        body TEXT NOT NULL,
        version INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('typed', 'vtt', 'srt', 'text', 'docx')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE TABLE codes (
        id INTEGER PRIMARY KEY,
        pilot_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        colour TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        memo TEXT NOT NULL DEFAULT '',
        theme_id INTEGER,                 -- the plan theme (main database) it started from
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX codes_name ON codes (pilot_id, lower(name));
      CREATE TABLE excerpts (
        id INTEGER PRIMARY KEY,
        interview_id INTEGER NOT NULL REFERENCES interviews (id),
        start_cp INTEGER NOT NULL,
        end_cp INTEGER NOT NULL CHECK (end_cp > start_cp),
        memo TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX excerpts_by_interview ON excerpts (interview_id, start_cp);
      CREATE TABLE excerpt_codes (
        excerpt_id INTEGER NOT NULL REFERENCES excerpts (id),
        code_id INTEGER NOT NULL REFERENCES codes (id),
        PRIMARY KEY (excerpt_id, code_id)
      ) STRICT;
      CREATE INDEX excerpt_codes_by_code ON excerpt_codes (code_id, excerpt_id);
    `);
  },
};
