import { zipSync, strToU8, type Zippable } from 'fflate';
import type { QdaProject } from './model';
import { projectXml, sourceFile } from './project-xml';

/**
 * The `.qdpx` package: a zip with `project.qde` at its root and every source in one flat, lower-case
 * `sources/` folder (NVivo and MAXQDA look for exactly that). Text sources are UTF-8 without a BOM;
 * audio is stored, not deflated (it is compressed already). Built in memory: the export writes the
 * file through `writeExport`, never a temporary file.
 */
export function buildQdpx(project: QdaProject): Uint8Array {
  const mtime = new Date(project.createdAt);
  const sources: Zippable = {};
  for (const source of project.textSources) sources[sourceFile(source.guid, 'txt')] = [strToU8(source.text), { level: 6, mtime }];
  for (const audio of project.audioSources) sources[sourceFile(audio.guid, audio.extension)] = [audio.data, { level: 0, mtime }];
  return zipSync({ 'project.qde': [strToU8(projectXml(project)), { level: 6, mtime }], sources }, { mtime });
}
