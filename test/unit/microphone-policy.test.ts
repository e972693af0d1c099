import { describe, expect, it } from 'vitest';
import { allowPermissionCheck, grantMicrophone, mayAskTheScreen } from '../../electron/main/microphone-policy';

const ourPage = 'app://reciprocal/index.html#/pilots/1/interviews';
const dev = 'http://localhost:5173';
const audioRequest = { permission: 'media', requestingUrl: ourPage, isMainFrame: true, mediaTypes: ['audio'] };

describe('microphone permission: the check', () => {
  it('allows media from our own top frame, with or without a media type, but never video', () => {
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: 'app://reciprocal', isMainFrame: true })).toBe(true);
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: 'app://reciprocal', isMainFrame: true, mediaType: 'unknown' })).toBe(true);
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: 'app://reciprocal', isMainFrame: true, mediaType: 'audio' })).toBe(true);
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: 'app://reciprocal', isMainFrame: true, mediaType: 'video' })).toBe(false);
  });

  it('refuses other origins, sub-frames and a check without frame details', () => {
    for (const origin of ['https://example.org', 'app://reciprocal.evil', 'app://evil', 'file:///', 'null', '', 'http://localhost:5173']) {
      expect(allowPermissionCheck({ permission: 'media', requestingOrigin: origin, isMainFrame: true }), origin).toBe(false);
    }
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: 'app://reciprocal', isMainFrame: false })).toBe(false);
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: 'app://reciprocal' })).toBe(false);
  });

  it('denies every other permission, even to our page', () => {
    for (const permission of ['notifications', 'geolocation', 'clipboard-read', 'display-capture', 'midi', 'hid', 'usb', 'serial', 'fullscreen', 'openExternal', 'unknown']) {
      expect(allowPermissionCheck({ permission, requestingOrigin: 'app://reciprocal', isMainFrame: true, mediaType: 'audio' }), permission).toBe(false);
    }
  });

  it('allows the dev server page only when it is given (development)', () => {
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: dev, isMainFrame: true }, dev)).toBe(true);
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: dev, isMainFrame: true })).toBe(false);
  });
});

describe('microphone permission: the request', () => {
  it('grants audio to our page only while the recording screen asks', () => {
    expect(grantMicrophone(audioRequest, true)).toBe(true);
    expect(grantMicrophone(audioRequest, false)).toBe(false);
  });

  it('never grants the camera, or audio together with the camera', () => {
    expect(grantMicrophone({ ...audioRequest, mediaTypes: ['video'] }, true)).toBe(false);
    expect(grantMicrophone({ ...audioRequest, mediaTypes: ['audio', 'video'] }, true)).toBe(false);
    expect(grantMicrophone({ ...audioRequest, mediaTypes: [] }, true)).toBe(false);
    expect(grantMicrophone({ ...audioRequest, mediaTypes: undefined }, true)).toBe(false);
  });

  it('never grants screen capture or anything but media, even when asked', () => {
    for (const permission of ['display-capture', 'notifications', 'geolocation', 'clipboard-read', 'pointerLock', 'openExternal']) {
      expect(grantMicrophone({ ...audioRequest, permission }, true), permission).toBe(false);
    }
  });

  it('refuses other pages and sub-frames', () => {
    for (const requestingUrl of ['https://example.org/', 'app://reciprocal.evil/index.html', 'data:text/html,x', 'file:///tmp/x.html', 'not a url', undefined]) {
      expect(grantMicrophone({ ...audioRequest, requestingUrl }, true), String(requestingUrl)).toBe(false);
    }
    expect(grantMicrophone({ ...audioRequest, isMainFrame: false }, true)).toBe(false);
  });

  it('answers everything but the screen’s own say without asking the page', () => {
    expect(mayAskTheScreen(audioRequest)).toBe(true);
    expect(mayAskTheScreen({ ...audioRequest, mediaTypes: ['video'] })).toBe(false);
    expect(mayAskTheScreen({ permission: 'notifications', requestingUrl: ourPage, isMainFrame: true })).toBe(false);
    expect(mayAskTheScreen({ ...audioRequest, requestingUrl: `${dev}/` }, dev)).toBe(true);
  });
});
