/**
 * Makes a WebM from Chromium's MediaRecorder seekable. MediaRecorder writes a live stream: the
 * Segment and each Cluster have "unknown" sizes, Info has no Duration and there are no Cues, so a
 * player can neither show the length nor jump. This rewrites the file as EBML header, Segment
 * (known size) holding Info (with Duration), Tracks, Cues (one point per cluster) and the clusters
 * with known sizes. Blocks are copied byte for byte; nothing is re-encoded. A cut-off last element
 * (an interrupted recording) is dropped. Pure: bytes in, bytes out.
 *
 * Written by hand after checking the options: ts-ebml (tools.makeMetadataSeekable) is unmaintained
 * since 2022 and pulls browser polyfills; the part of EBML needed here is small.
 */

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  seekHead: 0x114d9b74,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  cluster: 0x1f43b675,
  timecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  cues: 0x1c53bb6b,
  cuePoint: 0xbb,
  cueTime: 0xb3,
  cueTrackPositions: 0xb7,
  cueTrack: 0xf7,
  cueClusterPosition: 0xf1,
  void: 0xec,
  tags: 0x1254c367,
  chapters: 0x1043a770,
  attachments: 0x1941a469,
} as const;

const SEGMENT_CHILDREN = new Set<number>([ID.seekHead, ID.info, ID.tracks, ID.cluster, ID.cues, ID.tags, ID.chapters, ID.attachments]);

export class NotWebmError extends Error {}

interface Element {
  id: number;
  /** Where the element's header starts, its data starts and ends (end = undefined for unknown size). */
  start: number;
  dataStart: number;
  dataEnd: number | undefined;
}

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > bytes.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i]!;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readElement(bytes: Uint8Array, at: number, limit: number): Element | undefined {
  const id = readVint(bytes, at, true);
  if (!id || id.length > 4) return undefined;
  const size = readVint(bytes, at + id.length, false);
  if (!size) return undefined;
  const dataStart = at + id.length + size.length;
  if (size.unknown) return { id: id.value, start: at, dataStart, dataEnd: undefined };
  const dataEnd = dataStart + size.value;
  if (dataEnd > limit) return undefined; // cut off
  return { id: id.value, start: at, dataStart, dataEnd };
}

function readUint(bytes: Uint8Array, element: Element): number {
  let value = 0;
  for (let i = element.dataStart; i < element.dataEnd!; i++) value = value * 256 + bytes[i]!;
  return value;
}

function readFloat(bytes: Uint8Array, element: Element): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + element.dataStart, element.dataEnd! - element.dataStart);
  return view.byteLength === 4 ? view.getFloat32(0) : view.getFloat64(0);
}

/** The known-size children of [from, to); stops at the first unreadable or unknown-size one. */
function* children(bytes: Uint8Array, from: number, to: number): Generator<Element> {
  let at = from;
  while (at < to) {
    const element = readElement(bytes, at, to);
    if (!element || element.dataEnd === undefined) return;
    yield element;
    at = element.dataEnd;
  }
}

const idBytes = (id: number): number[] => {
  const out: number[] = [];
  for (let rest = id; rest > 0; rest = Math.floor(rest / 256)) out.unshift(rest % 256);
  return out;
};

/** A size as an 8-byte vint: fixed width, so offsets can be computed before writing. */
const size8 = (size: number): number[] => {
  const out = [0x01];
  for (let shift = 6; shift >= 0; shift--) out.push(Math.floor(size / 2 ** (8 * shift)) % 256);
  return out;
};

const uint8Bytes = (value: number): number[] => size8(value).map((byte, i) => (i === 0 ? Math.floor(value / 2 ** 56) % 256 : byte));

function element(id: number, body: Uint8Array | number[]): Uint8Array {
  const head = [...idBytes(id), ...size8(body.length)];
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

function float64(id: number, value: number): Uint8Array {
  const body = new Uint8Array(8);
  new DataView(body.buffer).setFloat64(0, value);
  return element(id, body);
}

const uintElement = (id: number, value: number) => element(id, uint8Bytes(value));

/** The relative time code of a SimpleBlock or Block: after its track-number vint, a signed 16-bit value. */
function blockTime(bytes: Uint8Array, block: Element): number | undefined {
  const track = readVint(bytes, block.dataStart, false);
  if (!track || block.dataStart + track.length + 2 > block.dataEnd!) return undefined;
  return new DataView(bytes.buffer, bytes.byteOffset + block.dataStart + track.length, 2).getInt16(0);
}

export const isWebm = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;

export interface WebmFacts {
  durationMs: number | undefined;
  cuePoints: number;
  clusters: number;
  /** The last block's time, in ms: how long the audio actually is. */
  lastBlockMs: number | undefined;
}

interface Parsed {
  header: Uint8Array;
  infoChildren: Uint8Array[];
  timecodeScale: number;
  duration: number | undefined;
  tracks: Uint8Array | undefined;
  trackNumber: number;
  cuePoints: number;
  clusters: { timecode: number; body: Uint8Array; lastBlock: number | undefined }[];
}

function parse(bytes: Uint8Array): Parsed {
  if (!isWebm(bytes)) throw new NotWebmError('This is not a WebM file.');
  const header = readElement(bytes, 0, bytes.length);
  if (!header?.dataEnd) throw new NotWebmError('The WebM header is damaged.');
  const segment = readElement(bytes, header.dataEnd, bytes.length);
  if (!segment || segment.id !== ID.segment) throw new NotWebmError('The WebM file has no segment.');
  const segmentEnd = Math.min(segment.dataEnd ?? bytes.length, bytes.length);
  const parsed: Parsed = {
    header: bytes.slice(0, header.dataEnd),
    infoChildren: [],
    timecodeScale: 1_000_000,
    duration: undefined,
    tracks: undefined,
    trackNumber: 1,
    cuePoints: 0,
    clusters: [],
  };
  let at = segment.dataStart;
  while (at < segmentEnd) {
    const child = readElement(bytes, at, segmentEnd);
    if (!child) break; // a cut-off element at the end: dropped
    if (child.id === ID.cluster) {
      at = readCluster(bytes, child, segmentEnd, parsed);
      continue;
    }
    if (child.dataEnd === undefined) break;
    if (child.id === ID.info) {
      for (const item of children(bytes, child.dataStart, child.dataEnd)) {
        if (item.id === ID.timecodeScale) parsed.timecodeScale = readUint(bytes, item);
        if (item.id === ID.duration) parsed.duration = readFloat(bytes, item);
        else parsed.infoChildren.push(bytes.slice(item.start, item.dataEnd));
      }
    } else if (child.id === ID.tracks) {
      parsed.tracks = bytes.slice(child.start, child.dataEnd);
      const entry = [...children(bytes, child.dataStart, child.dataEnd)].find((item) => item.id === ID.trackEntry);
      const number = entry && [...children(bytes, entry.dataStart, entry.dataEnd!)].find((item) => item.id === ID.trackNumber);
      if (number) parsed.trackNumber = readUint(bytes, number);
    } else if (child.id === ID.cues) {
      parsed.cuePoints = [...children(bytes, child.dataStart, child.dataEnd)].filter((item) => item.id === ID.cuePoint).length;
    }
    at = child.dataEnd;
  }
  if (!parsed.tracks) throw new NotWebmError('The WebM file has no tracks.');
  return parsed;
}

/** Reads one cluster (known or unknown size); returns where the next segment child starts. */
function readCluster(bytes: Uint8Array, cluster: Element, segmentEnd: number, parsed: Parsed): number {
  const limit = cluster.dataEnd ?? segmentEnd;
  const kept: Uint8Array[] = [];
  let timecode = 0;
  let lastBlock: number | undefined;
  let at = cluster.dataStart;
  while (at < limit) {
    const item = readElement(bytes, at, limit);
    if (item && cluster.dataEnd === undefined && SEGMENT_CHILDREN.has(item.id)) break; // the next cluster (or cues…) begins
    if (!item || item.dataEnd === undefined) {
      at = limit; // cut off: the rest is dropped
      break;
    }
    if (item.id === ID.timecode) timecode = readUint(bytes, item);
    else {
      const block = item.id === ID.simpleBlock ? item : item.id === ID.blockGroup ? [...children(bytes, item.dataStart, item.dataEnd)].find((c) => c.id === ID.block) : undefined;
      const time = block && blockTime(bytes, block);
      if (time !== undefined) lastBlock = Math.max(lastBlock ?? time, time);
      if (item.id !== ID.void) kept.push(bytes.slice(item.start, item.dataEnd));
    }
    at = item.dataEnd;
  }
  if (kept.length > 0) parsed.clusters.push({ timecode, body: concat(kept), lastBlock });
  return cluster.dataEnd ?? at;
}

/** What a WebM says about itself: for tests and checks. */
export function webmFacts(bytes: Uint8Array): WebmFacts {
  const parsed = parse(bytes);
  const msPerTick = parsed.timecodeScale / 1_000_000;
  const last = parsed.clusters.at(-1);
  return {
    durationMs: parsed.duration === undefined ? undefined : Math.round(parsed.duration * msPerTick),
    cuePoints: parsed.cuePoints,
    clusters: parsed.clusters.length,
    lastBlockMs: last ? Math.round((last.timecode + (last.lastBlock ?? 0)) * msPerTick) : undefined,
  };
}

/**
 * The same audio, seekable: Duration (the recorder's own elapsed time when given, else the last
 * block's time) and one cue point per cluster. Returns the duration written, in ms.
 */
export function makeWebmSeekable(bytes: Uint8Array, durationMs?: number): { bytes: Uint8Array; durationMs: number } {
  const parsed = parse(bytes);
  const msPerTick = parsed.timecodeScale / 1_000_000;
  const last = parsed.clusters.at(-1);
  const fromBlocks = last ? Math.round((last.timecode + (last.lastBlock ?? 0)) * msPerTick) : 0;
  const duration = durationMs ?? fromBlocks;

  const info = element(ID.info, concat([...parsed.infoChildren, float64(ID.duration, duration / msPerTick)]));
  const clusters = parsed.clusters.map((cluster) => element(ID.cluster, concat([uintElement(ID.timecode, cluster.timecode), cluster.body])));
  const cues = (positions: number[]) =>
    element(
      ID.cues,
      concat(
        parsed.clusters.map((cluster, i) =>
          element(ID.cuePoint, concat([uintElement(ID.cueTime, cluster.timecode), element(ID.cueTrackPositions, concat([uintElement(ID.cueTrack, parsed.trackNumber), uintElement(ID.cueClusterPosition, positions[i]!)]))])),
        ),
      ),
    );
  // Fixed-width numbers: the cues' size does not depend on the positions they hold.
  const firstCluster = info.length + parsed.tracks!.length + cues(parsed.clusters.map(() => 0)).length;
  const positions: number[] = [];
  let position = firstCluster;
  for (const cluster of clusters) {
    positions.push(position);
    position += cluster.length;
  }
  const body = concat([info, parsed.tracks!, cues(positions), ...clusters]);
  return { bytes: concat([parsed.header, element(ID.segment, body)]), durationMs: duration };
}
