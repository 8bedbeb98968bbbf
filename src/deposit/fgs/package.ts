// SPDX-License-Identifier: EUPL-1.2
// The Swedish deposit: an E-ARK SIP following FGS Paketstruktur 2.0 (= E-ARK CSIP/SIP 2.1.0) with
// the content described by FGS Ärendehantering 2.0 (= CITS ERMS 2.1.2):
//   METS.xml                            root METS, every file with its SHA-256 in fileSec
//   metadata/descriptive/ERMS.xml       case files, records, agents, dates, classification, restrictions
//   representations/rep1/data/          the documents (archival version where one exists)
//   schemas/                            the schemas used, unmodified
// Like the Noark export it reads in batches and writes through temporary names renamed when
// complete; documents already in place are kept, so an interrupted export is simply run again.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context.ts';
import type { Tenant } from '../../tenants/service.ts';
import { readFrame, type WriteOptions } from '../export/arkivstruktur.ts';
import { copyStored, extensionOf } from '../export/documents.ts';
import { objectsToDeposit, type Batch } from '../export/units.ts';
import type { Progress } from '../export/progress.ts';
import { writeErms, type DataFile, type ErmsCounts } from './erms.ts';
import { writeMets, type MetsFile } from './mets.ts';

export const earkDir = fileURLToPath(new URL('../../../standards/eark/', import.meta.url));
/** The schemas copied to schemas/: from standards/eark (same bytes as the DILCIS repositories). */
export const fgsSchemas: Record<string, string> = {
  'mets.xsd': 'csip-2.1.0/mets.xsd',
  'xlink.xsd': 'xlink.xsd',
  'DILCISExtensionMETS.xsd': 'csip-2.1.0/DILCISExtensionMETS.xsd',
  'DILCISExtensionSIPMETS.xsd': 'sip-2.1.0/DILCISExtensionSIPMETS.xsd',
  'ERMS.xsd': 'cits-erms/ERMS.xsd',
};

export interface FgsOptions {
  tenant: Tenant;
  series: string;
  out: string;
  actor: string;
  progress: Progress;
  warn(line: string): void;
  batchSize?: number;
}

export interface FgsResult { out: string; objectId: string; counts: ErmsCounts & { packageFiles: number } }

export async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function exportFgs(ctx: AppContext, o: FgsOptions): Promise<FgsResult> {
  const at = ctx.clock.now();
  const batchSize = o.batchSize ?? 200;
  const dataDir = join(o.out, 'representations', 'rep1', 'data');
  const descDir = join(o.out, 'metadata', 'descriptive');
  const schemaOut = join(o.out, 'schemas');
  for (const d of [dataDir, descDir, schemaOut]) await mkdir(d, { recursive: true });

  const frame = await readFrame({ ctx, tenant: o.tenant, actor: o.actor } as WriteOptions, o.series);
  for (const s of frame.series) if (s.row.status !== 'closed') o.warn(`Series "${s.row.title}" is still open (${s.row.status}): a deposit normally takes closed periods only.`);

  const placedNames = new Map<string, string>();
  const placeFiles = async (batch: Batch): Promise<Map<string, DataFile[]>> => {
    const placed = new Map<string, DataFile[]>();
    const entries = new Map([...batch.entries.values()].flat().map((e) => [e.id, e]));
    for (const [entryId, documents] of batch.documents) {
      const entry = entries.get(entryId)!;
      for (const d of documents) {
        // Disposed (kassert) documents and case files are not deposited.
        if (batch.disposals.has(d.id) || batch.disposals.has(entry.case_file_id)) continue;
        const list: DataFile[] = [];
        for (const object of objectsToDeposit(batch.objects.get(d.id) ?? [], batch.deletions)) {
          // The archival conversion made by an earlier Noark export, when there is one.
          const conversion = batch.conversions.get(object.id);
          const name = conversion ? `${conversion.id}.pdf` : `${object.system_id}${extensionOf(object)}`;
          const size = Number(conversion ? conversion.to_size : object.size);
          await copyStored(ctx, conversion ? conversion.to_checksum : object.checksum, size, join(dataDir, name));
          placedNames.set(name, conversion ? 'application/pdf' : object.mime_type);
          list.push({ name, checksum: conversion ? conversion.to_checksum : object.checksum, size, mime: conversion ? 'application/pdf' : object.mime_type, title: d.title });
        }
        placed.set(d.id, list);
      }
    }
    return placed;
  };

  o.progress.phase('ERMS.xml', 0);
  const ermsPath = join(descDir, 'ERMS.xml');
  const counts = await writeErms(`${ermsPath}.partial`, frame, { ctx, tenant: o.tenant, actor: o.actor, batchSize, progress: o.progress, at, placeFiles });
  await rename(`${ermsPath}.partial`, ermsPath);
  o.progress.done();
  // Only the files this export refers to: a leftover from an earlier run is not part of the package.
  for (const name of await readdir(dataDir)) if (!placedNames.has(name)) await rm(join(dataDir, name), { force: true });
  for (const [name, source] of Object.entries(fgsSchemas)) await copyFile(join(earkDir, source), join(schemaOut, name));

  // Checksums are computed from the bytes on disk, not taken from the store, so they describe the package.
  o.progress.phase('checksums', placedNames.size + Object.keys(fgsSchemas).length + 1);
  const describe = async (path: string, mime: string): Promise<MetsFile> => {
    const s = await stat(join(o.out, path));
    o.progress.tick();
    return { path, mime, size: s.size, created: s.mtime, checksum: await sha256(join(o.out, path)) };
  };
  const erms = await describe('metadata/descriptive/ERMS.xml', 'text/xml');
  const schemas: MetsFile[] = [];
  for (const name of Object.keys(fgsSchemas)) schemas.push(await describe(`schemas/${name}`, 'text/xml'));
  const data: MetsFile[] = [];
  for (const [name, mime] of [...placedNames].sort(([a], [b]) => a.localeCompare(b))) data.push(await describe(`representations/rep1/data/${name}`, mime));
  o.progress.done();

  // The package id stays the same across re-runs of the same extraction (kept in METS.xml's OBJID).
  const objectId = await previousObjectId(join(o.out, 'METS.xml')) ?? `urn:uuid:${randomUUID()}`;
  await writeMets(join(o.out, 'METS.xml.partial'), { objectId, label: `${o.tenant.name}: ${frame.fonds.title}`, tenant: o.tenant, at, erms, schemas, data });
  await rename(join(o.out, 'METS.xml.partial'), join(o.out, 'METS.xml'));
  return { out: o.out, objectId, counts: { ...counts, packageFiles: data.length } };
}

async function previousObjectId(path: string): Promise<string | null> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return /OBJID="([^"]+)"/.exec(text)?.[1] ?? null;
}
