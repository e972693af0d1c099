import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { join } from 'node:path';
import { PASSPHRASE, TEST_SCRYPT, expectOk, tempDir } from '../helpers/vault';
import { startBridge } from '../bridge/server';

/**
 * Issue 9: the test bridge read an unparseable or oversized body as `{}` and ran the call anyway
 * (garbage posted to vault.lock locked the vault). It must refuse with 400 and run nothing.
 */
let dir: string;
let cleanup: () => void;
let bridge: Awaited<ReturnType<typeof startBridge>>;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  bridge = await startBridge({ vaultDir: join(dir, 'vault'), staticDir: join(dir, 'static'), scrypt: TEST_SCRYPT, maxBodyBytes: 64 * 1024 });
  expectOk(await bridge.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
});
afterEach(async () => {
  await bridge.close();
  cleanup();
});

/** A POST as a script holding the token would send it (no browser Origin headers). */
function post(channel: string, body: string | Buffer): Promise<{ status: number; json: unknown }> {
  const url = new URL(`/__bridge/call/${channel}?token=${bridge.token}`, bridge.origin);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    // The server may answer and close before an oversized body is fully sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

describe('test bridge request bodies', () => {
  it('refuses a body that is not JSON, empty or too large with 400 and a JSON error, and runs nothing', async () => {
    const bodies: [string, string | Buffer, RegExp][] = [
      ['garbage', 'lock it please {', /not valid JSON/],
      ['empty', '', /empty/],
      ['truncated', '{"passphrase":', /not valid JSON/],
      ['binary', Buffer.from([0xff, 0x00, 0xfe, 0x7b]), /not valid JSON/],
      ['oversized', `{"x":"${'a'.repeat(200 * 1024)}"}`, /larger than 65536 bytes/],
    ];
    for (const [what, body, message] of bodies) {
      const answer = await post('vault.lock', body);
      expect(answer.status, what).toBe(400);
      expect(answer.json, what).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
      expect(JSON.stringify(answer.json), what).not.toContain('lock it please');
      expect(bridge.session.isUnlocked, what).toBe(true);
    }
    const audit = expectOk(await bridge.registry.call('audit.list', {}));
    expect(audit.map((e) => e.action)).toEqual(['vault.create']);
  });

  it('still runs a call whose body is valid JSON', async () => {
    const answer = await post('vault.lock', '{}');
    expect(answer).toMatchObject({ status: 200, json: { ok: true } });
    expect(bridge.session.isUnlocked).toBe(false);
  });
});
