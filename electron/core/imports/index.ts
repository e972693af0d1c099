/**
 * The import pipeline for the features that import (participants, logs): staged files and the one
 * pipeline from a mapping to a preview or an all-or-nothing import (see pipeline.ts).
 */
export { stagedFiles, type StagedTable } from './staging';
export { previewImport, runImport, type ImportKind, type ImportOutcome, type MappedRow, type Match, type Problem, type RowReading, type RowRules } from './pipeline';
export { overrideMapping, parseMapArgument, type GuessRules, type Mapping } from './mapping';
