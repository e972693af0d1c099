import type { z } from 'zod';
import type { Envelope } from './envelope';
import { vaultContract } from '../vault/contract';
import { settingsContract } from '../settings/contract';
import { auditContract } from '../audit/contract';
import { pilotsContract } from '../pilots/contract';
import { planContract } from '../plan/contract';
import { focusGroupsContract } from '../focus-groups/contract';
import { participantsContract } from '../participants/contract';
import { participantProfileContract } from '../participants/profile-contract';
import { departmentsContract } from '../participants/departments-contract';
import { namesakesContract } from '../participants/namesakes-contract';
import { chemistryContract } from '../chemistry/contract';
import { trainingContract } from '../training/contract';
import { matchingContract } from '../matching/contract';
import { meetingsContract } from '../meetings/contract';
import { logsContract } from '../logs/contract';
import { importsContract } from '../imports/contract';
import { safeguardingContract } from '../safeguarding/contract';
import { surveysContract } from '../surveys/contract';
import { dashboardContract } from '../dashboard/contract';
import { reportsContract } from '../reports/contract';
import { researchExportContract } from '../research-export/contract';
import { erasureContract } from '../erasure/contract';
import { interviewsContract } from '../interviews/contract';
import { transcriptsContract } from '../interviews/transcripts-contract';
import { recordingsContract } from '../interviews/recordings-contract';
import { backupContract } from '../backup/contract';
import { subjectAccessContract } from '../subject-access/contract';
import { groupReflectionContract } from '../group-reflection/contract';
import { qdpxContract } from '../qdpx/contract';

/** The spine of the app: every channel between renderer and main, with its input and output schemas. */
export const contract = {
  ...vaultContract,
  ...settingsContract,
  ...auditContract,
  ...pilotsContract,
  ...planContract,
  ...focusGroupsContract,
  ...participantsContract,
  ...participantProfileContract,
  ...departmentsContract,
  ...namesakesContract,
  ...chemistryContract,
  ...trainingContract,
  ...matchingContract,
  ...meetingsContract,
  ...logsContract,
  ...importsContract,
  ...safeguardingContract,
  ...surveysContract,
  ...dashboardContract,
  ...reportsContract,
  ...researchExportContract,
  ...erasureContract,
  ...interviewsContract,
  ...transcriptsContract,
  ...recordingsContract,
  ...backupContract,
  ...subjectAccessContract,
  ...groupReflectionContract,
  ...qdpxContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channels = Object.keys(contract) as Channel[];

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

type Namespace<C extends string> = C extends `${infer NS}.${string}` ? NS : never;
type Method<C extends string, NS extends string> = C extends `${NS}.${infer M}` ? M : never;

/** `window.api`: one async method per channel, grouped by feature: `api.pilots.create(draft)`. */
export type Api = {
  [NS in Namespace<Channel>]: {
    [C in Channel as Method<C, NS>]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;
  };
};

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Builds the nested api object over any transport (IPC in the preload, HTTP in the test bridge). */
export function buildApi(invoke: (channel: Channel, input: unknown) => Promise<Envelope<unknown>>): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const name of channels) {
    const [ns, method] = name.split('.') as [string, string];
    (api[ns] ??= {})[method] = (input: unknown) => invoke(name, input ?? {});
  }
  return api as unknown as Api;
}

export * from './envelope';
export { accessOf, roles, type Role } from './define';
