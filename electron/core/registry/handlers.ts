import type { HandlerMap } from './types';
import { vaultHandlers } from '../vault/handlers';
import { settingsHandlers } from '../settings/handlers';
import { auditHandlers } from '../audit/handlers';
import { pilotHandlers } from '../pilots/handlers';
import { planHandlers } from '../plan/handlers';
import { focusGroupHandlers } from '../focus-groups/handlers';
import { groupReflectionHandlers } from '../group-reflection/handlers';
import { qdpxHandlers } from '../qdpx/handlers';
import { participantHandlers } from '../participants/handlers';
import { participantProfileHandlers } from '../participants/profile-handlers';
import { departmentHandlers } from '../participants/departments-handlers';
import { namesakeHandlers } from '../participants/namesakes-handlers';
import { chemistryHandlers } from '../chemistry/handlers';
import { trainingHandlers } from '../training/handlers';
import { matchingHandlers } from '../matching/engine/handlers';
import { meetingHandlers } from '../meetings/handlers';
import { logHandlers } from '../logs/handlers';
import { importHandlers } from '../imports/handlers';
import { safeguardingHandlers } from '../safeguarding/handlers';
import { surveyHandlers } from '../surveys/handlers';
import { dashboardHandlers } from '../dashboard/handlers';
import { reportHandlers } from '../reports/handlers';
import { researchExportHandlers } from '../research-export/handlers';
import { erasureHandlers } from '../erasure/handlers';
import { interviewHandlers } from '../interviews/handlers';
import { transcriptHandlers } from '../interviews/transcripts/handlers';
import { codingHandlers } from '../interviews/coding/handlers';
import { recordingHandlers } from '../interviews/recordings/handlers';
import { backupHandlers } from '../backup/handlers';
import { subjectAccessHandlers } from '../subject-access/handlers';

/** Every channel of the contract, handled. The type makes a missing handler a compile error. */
export const handlers: HandlerMap = {
  ...vaultHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...pilotHandlers,
  ...planHandlers,
  ...focusGroupHandlers,
  ...participantHandlers,
  ...participantProfileHandlers,
  ...departmentHandlers,
  ...namesakeHandlers,
  ...chemistryHandlers,
  ...trainingHandlers,
  ...matchingHandlers,
  ...meetingHandlers,
  ...logHandlers,
  ...importHandlers,
  ...safeguardingHandlers,
  ...surveyHandlers,
  ...dashboardHandlers,
  ...reportHandlers,
  ...researchExportHandlers,
  ...erasureHandlers,
  ...interviewHandlers,
  ...transcriptHandlers,
  ...recordingHandlers,
  ...codingHandlers,
  ...backupHandlers,
  ...subjectAccessHandlers,
  ...groupReflectionHandlers,
  ...qdpxHandlers,
};
