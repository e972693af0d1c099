import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { pilotWithPair } from '../helpers/pairs';
import { when } from '../helpers/interviews';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-interview-consent-'));

const all = { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: true, archiving: true };

describe('consent changes reach the interview database’s copy at once', () => {
  it('shows a consent recorded, corrected or declined to the interviewer in the same step, and then refuses the consent check', async () => {
    const { registry } = await unlockedCore(dir);
    const { pilotId, mentor } = await pilotWithPair(registry);
    const robin = await ok(registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
    const interview = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: robin.id, ...when });
    const consentShown = async () => (await ok(registry, 'interviews.detail', { interviewId: interview.id })).consent;
    // The pair's consent was given without audio recording.
    expect(await consentShown()).toMatchObject({ takePart: true, audioRecording: false });

    const { consentForms } = await ok(registry, 'plan.get', { pilotId });
    const form = consentForms[0]!;
    const withAudio = await ok(registry, 'consent.record', { participantId: mentor.id, formId: form.id, givenOn: '2026-11-01', choices: all });
    expect(await consentShown()).toMatchObject({ takePart: true, audioRecording: true });

    // Entered by mistake: corrected to no recording. The interviewer sees it straight away, not at the next unlock.
    await ok(registry, 'consent.correct', { id: withAudio.id, formId: form.id, givenOn: '2026-11-01', choices: { ...all, audioRecording: false }, reason: 'Ticked the wrong box' });
    expect(await consentShown()).toMatchObject({ takePart: true, audioRecording: false });

    // A newer record without consent to take part: the check before the interview is refused.
    await ok(registry, 'consent.record', { participantId: mentor.id, formId: form.id, givenOn: '2026-11-20', choices: { ...all, takePart: false } });
    expect(await consentShown()).toMatchObject({ takePart: false });
    const refused = expectError(await registry.invoke('interviews.checkConsent', { interviewId: interview.id }), 'INVALID_TRANSITION');
    expect(refused.message).toMatch(/no current consent to take part/);
  });
});
