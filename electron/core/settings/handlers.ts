import type { FeatureHandlers } from '../registry/types';
import { noPilot } from '../registry/scope';
import type { settingsContract } from '../../../shared/settings/contract';
import { readSettings, writeSettings } from './repository';

export const settingsHandlers: FeatureHandlers<keyof typeof settingsContract> = {
  'settings.get': {
    kind: 'query',
    scope: noPilot,
    run: (_input, { db }) => readSettings(db),
  },
  'settings.update': {
    kind: 'command',
    scope: noPilot,
    run: (changes, { db }) => writeSettings(db, changes),
    audit: (changes) => ({ action: 'settings.update', entityType: 'settings', entityId: Object.keys(changes).sort().join(',') }),
  },
};
