import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { surveysContract } from '../../../shared/surveys/contract';
import { MAX_ITEMS, itemDraft } from '../../../shared/surveys/contract';
import { stagedFiles } from '../imports';
import { pseudonymCoder } from '../pseudonyms';
import * as instruments from './instruments';
import * as waves from './waves';
import { respondents, deleteResponse, wavesOfPerson } from './responses';
import { responseView, saveResponse } from './entry';
import { analyseWaves } from './analysis';
import { freeTextAnswers } from './free-text';
import { importResponses, previewResponseImport } from './import';
import { schemeTemplate } from './templates';
import { suppressionThreshold } from './settings';

const forPilot = pilotScope.fromInput('pilotId');
const ofInstrument = pilotScope.of('instrumentId', instruments.instrumentPilot);
const ofWave = pilotScope.of('waveId', waves.wavePilot);

export const surveyHandlers: FeatureHandlers<keyof typeof surveysContract> = {
  'surveys.ofPerson': {
    kind: 'query',
    scope: pilotScope.ofParticipant('participantId'),
    run: ({ participantId }, { db }) => wavesOfPerson(db, participantId),
  },
  'surveys.overview': {
    kind: 'query',
    scope: forPilot,
    run: (_input, { db, pilotId, today }) => ({ instruments: instruments.listInstruments(db, pilotId), waves: waves.listWaves(db, pilotId, today()), threshold: suppressionThreshold(db, pilotId) }),
  },
  'surveys.returns': {
    kind: 'query',
    scope: forPilot,
    run: (_input, { db, pilotId, today }) => waves.waveReturns(db, pilotId, today()),
  },
  'surveys.setThreshold': {
    kind: 'command',
    scope: forPilot,
    run: ({ threshold }, { db, pilotId }) => {
      waves.setThreshold(db, pilotId, threshold);
      return { threshold };
    },
    audit: (input) => ({ action: 'surveys.setThreshold', entityType: 'pilot', entityId: input.pilotId }),
  },
  'surveys.instrument': {
    kind: 'query',
    scope: ofInstrument,
    run: ({ instrumentId }, { db }) => instruments.getInstrument(db, instrumentId),
  },
  'surveys.createInstrument': {
    kind: 'command',
    scope: forPilot,
    run: ({ title, template }, { db, pilotId, now }) => {
      const items = template === 'scheme' ? schemeTemplate.map((item) => itemDraft.parse(item)) : [];
      return instruments.getInstrument(db, instruments.createInstrument(db, pilotId, title, items, now().toISOString()));
    },
    audit: (_input, instrument) => ({ action: 'surveys.createInstrument', entityType: 'survey_instrument', entityId: instrument.id }),
  },
  'surveys.renameInstrument': {
    kind: 'command',
    scope: ofInstrument,
    run: ({ instrumentId, title }, { db, now }) => {
      instruments.renameInstrument(db, instrumentId, title, now().toISOString());
      return instruments.getInstrument(db, instrumentId);
    },
    audit: (input) => ({ action: 'surveys.renameInstrument', entityType: 'survey_instrument', entityId: input.instrumentId }),
  },
  'surveys.addItem': {
    kind: 'command',
    scope: ofInstrument,
    run: ({ instrumentId, item }, { db, now }) => {
      instruments.addItem(db, instrumentId, item, MAX_ITEMS, now().toISOString());
      return instruments.getInstrument(db, instrumentId);
    },
    audit: (input, instrument) => ({ action: `surveys.addItem(v${instrument.version})`, entityType: 'survey_instrument', entityId: input.instrumentId }),
  },
  'surveys.updateItem': {
    kind: 'command',
    scope: ofInstrument,
    run: ({ instrumentId, itemId, item }, { db, now }) => {
      instruments.updateItem(db, instrumentId, itemId, item, now().toISOString());
      return instruments.getInstrument(db, instrumentId);
    },
    audit: (input, instrument) => ({ action: `surveys.updateItem(v${instrument.version})`, entityType: 'survey_item', entityId: input.itemId }),
  },
  'surveys.removeItem': {
    kind: 'command',
    scope: ofInstrument,
    run: ({ instrumentId, itemId }, { db, now }) => {
      instruments.removeItem(db, instrumentId, itemId, now().toISOString());
      return instruments.getInstrument(db, instrumentId);
    },
    audit: (input, instrument) => ({ action: `surveys.removeItem(v${instrument.version})`, entityType: 'survey_item', entityId: input.itemId }),
  },
  'surveys.moveItem': {
    kind: 'command',
    scope: ofInstrument,
    run: ({ instrumentId, itemId, direction }, { db, now }) => {
      instruments.moveItem(db, instrumentId, itemId, direction, now().toISOString());
      return instruments.getInstrument(db, instrumentId);
    },
    audit: (input, instrument) => ({ action: `surveys.moveItem(v${instrument.version})`, entityType: 'survey_item', entityId: input.itemId }),
  },
  'surveys.deleteInstrument': {
    kind: 'command',
    scope: ofInstrument,
    run: ({ instrumentId }, { db }) => {
      instruments.deleteInstrument(db, instrumentId);
      return null;
    },
    audit: (input) => ({ action: 'surveys.deleteInstrument', entityType: 'survey_instrument', entityId: input.instrumentId }),
  },
  'surveys.createWave': {
    kind: 'command',
    scope: forPilot,
    run: ({ wave }, { db, pilotId, now, today }) => waves.getWave(db, waves.createWave(db, pilotId, wave, now().toISOString()), today()),
    audit: (_input, wave) => ({ action: 'surveys.createWave', entityType: 'survey_wave', entityId: wave.id }),
  },
  'surveys.updateWave': {
    kind: 'command',
    scope: ofWave,
    run: ({ waveId, wave }, { db, today }) => {
      waves.updateWave(db, waveId, wave);
      return waves.getWave(db, waveId, today());
    },
    audit: (input) => ({ action: 'surveys.updateWave', entityType: 'survey_wave', entityId: input.waveId }),
  },
  'surveys.deleteWave': {
    kind: 'command',
    scope: ofWave,
    run: ({ waveId }, { db }) => {
      waves.deleteWave(db, waveId);
      return null;
    },
    audit: (input) => ({ action: 'surveys.deleteWave', entityType: 'survey_wave', entityId: input.waveId }),
  },
  'surveys.respondents': {
    kind: 'query',
    scope: ofWave,
    run: ({ waveId, ...filter }, { db, today }) => respondents(db, waveId, waves.getWave(db, waveId, today()).audience, filter, pseudonymCoder(db)),
  },
  'surveys.response': {
    kind: 'query',
    scope: ofWave,
    run: ({ waveId, participantId }, { db, today }) => responseView(db, waveId, participantId, today()),
  },
  'surveys.saveResponse': {
    kind: 'command',
    scope: ofWave,
    run: ({ waveId, participantId, answers }, { db, now, today }) => saveResponse(db, waveId, participantId, answers, now().toISOString(), today()),
    audit: (input) => ({ action: 'surveys.saveResponse', entityType: 'participant', entityId: input.participantId }),
  },
  'surveys.deleteResponse': {
    kind: 'command',
    scope: ofWave,
    run: ({ waveId, participantId }, { db }) => {
      deleteResponse(db, waveId, participantId);
      return null;
    },
    audit: (input) => ({ action: 'surveys.deleteResponse', entityType: 'participant', entityId: input.participantId }),
  },
  'surveys.importPreview': {
    kind: 'query',
    scope: ofWave,
    run: ({ waveId, stagedId, mapping }, { db, pilotId, session, today }) => previewResponseImport(db, pilotId, waves.getWave(db, waveId, today()), stagedFiles(session).get(stagedId), mapping),
  },
  'surveys.import': {
    kind: 'command',
    scope: ofWave,
    run: ({ waveId, stagedId, mapping }, { db, pilotId, session, now, today }) => importResponses(db, pilotId, waves.getWave(db, waveId, today()), stagedFiles(session).get(stagedId), mapping, now().toISOString()),
    audit: (input, result) => ({ action: `surveys.import(${result.imported})`, entityType: 'survey_wave', entityId: input.waveId }),
  },
  'surveys.analysis': {
    kind: 'query',
    scope: forPilot,
    run: ({ beforeWaveId, afterWaveId }, { db, pilotId, today }) => analyseWaves(db, pilotId, waves.listWaves(db, pilotId, today()), suppressionThreshold(db, pilotId), beforeWaveId, afterWaveId),
  },
  'surveys.freeText': {
    kind: 'query',
    scope: ofWave,
    run: ({ waveId, offset, limit }, { db, today }) => freeTextAnswers(db, waves.getWave(db, waveId, today()), offset, limit),
  },
};
