// SPDX-License-Identifier: EUPL-1.2
// Every code we map to must exist, with the same name, in the standard's codelist file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as codes from './noark-codes.ts';

const tsv = readFileSync(new URL('../../standards/noark5/n5ws-kodelister.tsv', import.meta.url), 'utf8');
const standard = new Map<string, Map<string, string>>();
for (const line of tsv.split('\n')) {
  const [list, code, name] = line.split('\t');
  if (!list || list.startsWith('#') || !code) continue;
  if (!standard.has(list)) standard.set(list, new Map());
  standard.get(list)!.set(code, name ?? '');
}

const lists: [string, Record<string, { code: string; name: string }>][] = [
  ['Journalposttype', codes.entryTypeCodes],
  ['Journalstatus', codes.entryStatusCodes],
  ['Saksstatus', codes.caseFileStatusCodes],
  ['Avskrivningsmaate', codes.followUpCodes],
  ['Korrespondanseparttype', codes.correspondentRoleCodes],
  ['TilknyttetRegistreringSom', codes.documentRelationCodes],
  ['Dokumentstatus', codes.documentStatusCodes],
  ['Variantformat', codes.variantCodes],
  ['Kassasjonsvedtak', codes.retentionCodes],
];

describe('Noark 5 codelists', () => {
  it.each(lists)('%s codes exist in the standard with the same names', (list, mapping) => {
    const known = standard.get(list);
    expect(known, `codelist ${list} in n5ws-kodelister.tsv`).toBeDefined();
    for (const { code, name } of Object.values(mapping)) expect(known!.get(code), `${list} ${code}`).toBe(name);
  });

  it('skjermingMetadata codes exist in the standard', () => {
    const known = standard.get('SkjermingMetadata')!;
    for (const { code, name } of Object.values(codes.screeningMetadataCodes).flat()) expect(known.get(code)).toBe(name);
  });
});
