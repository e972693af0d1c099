import { consentChoiceLabels, type ConsentChoices, type ConsentState } from '../../../../shared/participants/contract';

export const consentLabels: Record<ConsentState, string> = {
  none: 'None recorded',
  given: 'Given',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/** One record's state, as its card shows it: withdrawn, declined ("take part" not agreed) or given. */
export const recordState = (record: { withdrawnOn: string | null; choices: { takePart: boolean } }): ConsentState =>
  record.withdrawnOn ? 'withdrawn' : record.choices.takePart ? 'given' : 'declined';

export const consentChoiceKeys = Object.keys(consentChoiceLabels) as (keyof ConsentChoices)[];

export const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
