import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, resolveAppPath } from '../../electron/main/app-path';

const root = '/opt/reciprocal/out/renderer';

describe('app:// protocol paths', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://reciprocal/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://reciprocal/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://reciprocal/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets/index-abc.js'));
  });

  it('never resolves outside the renderer folder', () => {
    for (const url of ['app://reciprocal/../../etc/passwd', 'app://reciprocal/%2e%2e/%2e%2e/etc/passwd', 'app://reciprocal/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      const path = resolveAppPath(root, url);
      expect(path === undefined || path.startsWith(`${root}/`), `${url} → ${path}`).toBe(true);
    }
    expect(resolveAppPath(root, 'app://reciprocal/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBeUndefined();
  });

  it('rejects backslashes, NUL bytes, bad encodings, other hosts and other schemes', () => {
    for (const url of [
      'app://reciprocal/..%5c..%5cwindows%5cwin.ini',
      'app://reciprocal/%00index.html',
      'app://reciprocal/%E0%A4%A',
      'app://evil/index.html',
      'file:///etc/passwd',
      'https://reciprocal/index.html',
      'not a url',
    ]) {
      expect(resolveAppPath(root, url), url).toBeUndefined();
    }
  });

  it('the content security policy allows nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval/);
  });
});
