import { beforeEach, describe, expect, it } from 'vitest';
import { unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { fillDemo } from '../../electron/core/demo/demo';
import { DemoClock } from '../../electron/core/demo/clock';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-demo-closing-'));

/** What a newcomer opening the demo's closing stages finds, read through the same channels as the screens. */
describe('the demo’s closing interviews and group reflection', () => {
  it('has interviews in every state, a playable synthetic recording, a coded transcript and a group reflection with findings', async () => {
    const clock = new DemoClock('2027-06-20');
    const { registry } = await unlockedCore(dir, clock.now);
    await fillDemo(registry, { seed: 3, participants: 60, clock });
    const [pilot] = await ok(registry, 'pilots.list', {});
    const pilotId = pilot!.id;

    const { rows } = await ok(registry, 'interviews.list', { pilotId, limit: 200 });
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['scheduled', 'done', 'cancelled']));
    const done = rows.filter((r) => r.status === 'done');
    const withNotes = await ok(registry, 'interviews.detail', { interviewId: done[0]!.id });
    expect(withNotes.notes.filter((n) => n.body.length > 0).length).toBeGreaterThan(0);

    const recordings = (await Promise.all(rows.map((r) => ok(registry, 'recordings.list', { interviewId: r.id })))).flat();
    expect(recordings).toHaveLength(1);
    expect(recordings[0]).toMatchObject({ status: 'complete' });
    expect(recordings[0]!.durationMs).toBeGreaterThan(0);

    const transcripts = await Promise.all(done.map((r) => ok(registry, 'transcripts.get', { interviewId: r.id })));
    const coded = transcripts.filter((t) => t.body.length > 0);
    expect(coded).toHaveLength(1);
    expect(coded[0]!.codedRanges.length).toBeGreaterThan(0);
    const codes = await ok(registry, 'codebook.list', { pilotId });
    const excerpts = await Promise.all(codes.map((code) => ok(registry, 'coding.byCode', { codeId: code.id })));
    expect(excerpts.reduce((n, page) => n + page.total, 0)).toBeGreaterThanOrEqual(coded[0]!.codedRanges.length);

    const events = await ok(registry, 'groupReflections.list', { pilotId });
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => e.findingCount > 0)).toBe(true);
  });
});
