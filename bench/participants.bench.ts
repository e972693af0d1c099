import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core';
import { seededRandom, pick } from '../electron/core/util/random';
import writeExcelFile from 'write-excel-file/node';
import { percentile, report } from './stats';
import type { ChannelInput } from '../shared/contract';

const PEOPLE = 5_000;
const RUNS = 60;

/** A forms-tool export of expressions of interest, with the headings people really get. */
export function eoiCsv(count: number, seed = 3, alternateRoles = false): string {
  const random = seededRandom(seed);
  const departments = ['Law', 'History', 'Engineering', 'Nursing', 'Business', 'Computing', 'Education', 'Psychology', 'Registry', 'Library'];
  const chars = ['International', 'Mature (21+)', 'Ethnically minoritised', 'Widening participation', ''];
  const slots = ['Monday morning', 'Tuesday afternoon', 'Wednesday morning', 'Thursday evening', 'Friday afternoon'];
  const lines = ['Timestamp,Your name,Email address,Are you a student or a member of staff?,School or department,I identify as,Topics,When are you available?'];
  for (let i = 0; i < count; i++) {
    const student = alternateRoles ? i % 2 === 0 : random() < 0.5;
    lines.push(
      [
        '2026-10-02 10:00',
        `Person ${i} ${pick(random, ['Adeyemi', 'Byrne', 'Chen', 'Dlamini', 'Evans'])}`,
        `person${i}@example.ac.uk`,
        student ? 'Student' : 'Staff',
        pick(random, departments),
        student ? pick(random, chars) : '',
        `"${pick(random, ['Belonging', 'Assessment'])}, ${pick(random, ['Voice', 'Careers'])}"`,
        `${pick(random, slots)}; ${pick(random, slots)}`,
      ].join(','),
    );
  }
  return lines.join('\r\n');
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reciprocal-bench-people-'));
  try {
    const { registry } = createCore(join(dir, 'vault'), { scrypt: { N: 2 ** 12, r: 8, p: 1 } });
    await registry.call('vault.create', { passphrase: 'lantern orbit pebble wisdom' });
    const pilot = await registry.call('pilots.create', { name: 'Bench', startDate: '2026-10-01', endDate: '2027-06-30' });
    if (!pilot.ok) throw new Error(pilot.error.message);
    const pilotId = pilot.value.id;
    const file = { name: 'eoi.csv', base64: Buffer.from(eoiCsv(PEOPLE)).toString('base64') };

    const start = performance.now();
    const staged = await registry.call('imports.stage', { file });
    if (!staged.ok) throw new Error(staged.error.message);
    const { stagedId } = staged.value;
    const preview = await registry.call('participants.importPreview', { pilotId, stagedId });
    if (!preview.ok) throw new Error(preview.error.message);
    const previewMs = performance.now() - start;
    const imported = await registry.call('participants.import', { pilotId, stagedId, mapping: preview.value.mapping });
    if (!imported.ok || imported.value.imported !== PEOPLE) throw new Error(`import failed: ${JSON.stringify(imported).slice(0, 300)}`);
    const totalMs = performance.now() - start;
    report('import_5000_rows_csv_preview', previewMs, 'ms', 0);
    report('import_5000_rows_csv_preview_and_import', totalMs, 'ms', 0);

    // The same people as a workbook (Microsoft Forms' default export), and the next preview after a mapping change: the file is staged once.
    const rows = eoiCsv(PEOPLE).split('\r\n').map((line) => line.split(','));
    const workbook = await writeExcelFile(rows).toBuffer();
    const xlsxStart = performance.now();
    const stagedXlsx = await registry.call('imports.stage', { file: { name: 'eoi.xlsx', base64: workbook.toString('base64') } });
    if (!stagedXlsx.ok) throw new Error(stagedXlsx.error.message);
    report('import_5000_rows_xlsx_stage', performance.now() - xlsxStart, 'ms', 0);
    const remapStart = performance.now();
    const remapped = await registry.call('participants.importPreview', { pilotId, stagedId, mapping: { ...preview.value.mapping, 'School or department': '' } });
    if (!remapped.ok) throw new Error(remapped.error.message);
    report('import_5000_rows_preview_after_mapping_change', performance.now() - remapStart, 'ms', 0);

    const time = async (name: string, query: ChannelInput<'participants.list'>) => {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const result = await registry.call('participants.list', query);
        times.push(performance.now() - t);
        if (!result.ok) throw new Error(result.error.message);
        rows = result.value.rows.length;
      }
      report(`${name}_p95`, percentile(times, 95), 'ms', 2);
      return rows;
    };
    await time('participants_list_5000', { pilotId });
    await time('participants_filter_role_status_5000', { pilotId, role: 'mentor', status: 'interested', sortBy: 'department' });
    await time('participants_filter_characteristic_5000', { pilotId, characteristic: 'International' });
    await time('participants_search_5000', { pilotId, search: 'chen' });
    await time('participants_search_sorted_desc_5000', { pilotId, search: 'person1', sortBy: 'updatedAt', sortDirection: 'desc' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
