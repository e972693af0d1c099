import { REQUIRED_TRAINING_TOPICS, type TrainingSession } from '../../../../shared/training/contract';
import { formatDate } from '../../../../shared/dates';
import { listInWords } from '../../../../shared/matching/words';

export const sessionName = (s: TrainingSession) => `the session of ${formatDate(s.heldOn)}`;

/** “Confidentiality and its limits” and “The disclosure protocol”. */
export const requiredTopicsInWords = () => listInWords(REQUIRED_TRAINING_TOPICS.map((t) => `“${t}”`));
