import { describe, expect, it } from 'vitest';
import { parseSrt, parseVtt } from '../../electron/core/interviews/transcripts/subtitles';
import { parseDocx } from '../../electron/core/interviews/transcripts/docx';
import { decodeText, formatOf } from '../../electron/core/interviews/transcripts/parse';
import { TranscriptParseError } from '../../electron/core/interviews/transcripts/parse-error';
import { strToU8, zipSync } from '../helpers/zip';

const lineOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof TranscriptParseError) return error.line;
    throw error;
  }
  throw new Error('expected a parse error');
};

describe('WebVTT', () => {
  it('reads Teams voice tags, Zoom “Name:” cues, hours-less times, notes and entities', () => {
    const vtt = 'WEBVTT - Zoom\n\nNOTE exported\nby Zoom\n\n1\n00:05.000 --> 00:07.000 align:start\nRobin: <b>Hello</b> &lt;all&gt;\n\n01:02:03.004 --> 01:02:04.000\n<v.loud Amara Osei>It <c.x>was</c> fine</v>\nreally\n';
    expect(parseVtt(vtt)).toBe('[00:00:05] Robin: Hello <all>\n[01:02:03] Amara Osei: It was fine really');
  });
  it('names the line of a broken timing, a missing header or a cue ending before it starts', () => {
    expect(lineOf(() => parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHi\n'))).toBe(3);
    expect(lineOf(() => parseVtt('WEBVTT\n\n00:00:03 -> 00:00:06\nHi\n'))).toBe(3); // a broken arrow, not an identifier
    expect(lineOf(() => parseVtt('WEBVTT\n\ncue-7\nHi there\n'))).toBe(4); // after an identifier the timing was due
    expect(lineOf(() => parseVtt('1\n00:00:01.000 --> 00:00:02.000\nHi\n'))).toBe(1);
    expect(lineOf(() => parseVtt('WEBVTT\n\n\n\n00:00:05.000 --> 00:00:02.000\nHi\n'))).toBe(5);
    expect(() => parseVtt('WEBVTT\n')).toThrow(/no cues/);
  });
});

describe('SRT', () => {
  it('reads numbered subtitles with commas in times and drops tags', () => {
    expect(parseSrt('1\n00:00:02,000 --> 00:00:05,000\n<font color="red">Robin:</font> Hi\nthere\n\n2\n00:00:06,5 --> 00:00:07,000\nAmara: Yes\n')).toBe('[00:00:02] Robin: Hi there\n[00:00:06] Amara: Yes');
  });
  it('names the line of a missing number or timing', () => {
    expect(lineOf(() => parseSrt('1\n00:00:02,000 --> 00:00:05,000\nHi\n\nTwo\n00:00:06,000 --> 00:00:07,000\nBye\n'))).toBe(5);
    expect(lineOf(() => parseSrt('1\nHello there\n'))).toBe(2);
  });
});

describe('.docx and text', () => {
  it('takes paragraphs, tabs and breaks from word/document.xml, with accents', () => {
    const xml = '<w:document><w:body><w:p><w:r><w:t>Núñez:</w:t><w:tab/><w:t>one</w:t><w:br/><w:t>two</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>three &#x1F642;</w:t></w:r></w:p></w:body></w:document>';
    expect(parseDocx(zipSync({ 'word/document.xml': strToU8(xml) }))).toBe('Núñez:\tone\ntwo\n\nthree 🙂');
    expect(() => parseDocx(zipSync({ 'other.xml': strToU8('<x/>') }))).toThrow(/not a Word document/);
    expect(() => parseDocx(Buffer.from('PK not really'))).toThrow(/not a Word document/);
  });
  it('decodes UTF-8 with LF line endings and no BOM, and knows formats by extension', () => {
    expect(decodeText(Buffer.from('\uFEFFa\r\nb\rc'))).toBe('a\nb\nc');
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x41]))).toThrow(/not UTF-8/);
    expect(formatOf('Teams meeting.VTT')).toBe('vtt');
    expect(() => formatOf('interview.pdf')).toThrow(/Choose a WebVTT/);
  });
});
