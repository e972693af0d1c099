import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { describeAction, describeActor, describeRecord } from '../../renderer/src/features/audit/describe';

describe('the audit trail in plain words', () => {
  it('describes every channel as a sentence, never as its channel name', () => {
    for (const channel of channels) {
      expect(describeAction(channel), channel).toMatch(/^[A-Z][^.]*$/);
    }
  });

  it('reads counted and parameterised actions', () => {
    expect(describeAction('participants.import(1)')).toBe('Imported 1 person');
    expect(describeAction('logs.import(12)')).toBe('Imported 12 reflective logs');
    expect(describeAction('participants.transition.trained')).toBe('Moved a person to Trained');
    expect(describeAction('matching.setRule.forbid')).toBe('Ruled out a pair');
  });

  it('names records without internal ids where it can, and pilots by their name', () => {
    const pilots = new Map([[3, 'Belonging 2026/27']]);
    expect(describeRecord('vault', '11e87ca8-5b1e-4d7e-9c39-3f0a3c0e8a51', pilots)).toBe('The vault');
    expect(describeRecord('pilot', '3', pilots)).toBe('Pilot “Belonging 2026/27”');
    expect(describeRecord('pilot', '4', pilots)).toBe('Pilot no. 4');
    expect(describeRecord('settings', 'autoLockMinutes,timeZone', pilots)).toBe('Settings: auto-lock, time zone');
    expect(describeRecord('pair', '12:34', pilots)).toBe('Mentor no. 12 and mentee no. 34');
    expect(describeRecord('reflective_log', '5', pilots)).toBe('Reflective log no. 5');
    expect(describeRecord(null, null, pilots)).toBe('—');
    expect(describeActor('cli')).toBe('Command line');
  });
});
