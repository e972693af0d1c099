import type { FeatureHandlers } from '../registry/types';
import { noPilot } from '../registry/scope';
import type { importsContract } from '../../../shared/imports/contract';
import { stagedFiles } from './staging';

/** Staging belongs to no pilot: the file is only read, and each kind's preview and import name their pilot. */
export const importHandlers: FeatureHandlers<keyof typeof importsContract> = {
  'imports.stage': {
    kind: 'action',
    scope: noPilot,
    run: ({ file }, { session }) => stagedFiles(session).stage(file.name, Buffer.from(file.base64, 'base64')),
  },
  'imports.discard': {
    kind: 'action',
    scope: noPilot,
    run: async ({ stagedId }, { session }) => {
      stagedFiles(session).discard(stagedId);
      return null;
    },
  },
};
