// SPDX-License-Identifier: EUPL-1.2
// What the public view (public-view.ts) adds for the public journal: documents as the public may see
// them, and the class code where it reveals a person. Screening is inherited case → entry → document
// unless the document has its own: a document is public (listed with its public title and its file)
// only when it is published in full — the officer said so and no screening applies to it at all.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { publicTitle, SCREENED_MARK } from '../common/screening.ts';
import { parseIdentityNumber } from '../common/idnumbers.ts';
import type { Screening } from './tables.ts';

export interface PublicDocumentView {
  id: string;
  documentNumber: number;
  relation: string;
  publicTitle: string;
  publishedInFull: boolean;
  /** The file of a document published in full (its newest version, archival variant first). */
  file: { fileName: string; mimeType: string; size: number; checksum: string } | null;
  /** The file may be public from then (null: at once); the journal withholds it until then. */
  accessibleAfter: Date | null;
}

interface DocumentRow {
  id: string;
  registry_entry_id: string;
  document_number: number;
  relation: string;
  title: string;
  screening: Screening | null;
  published_in_full: boolean;
  accessible_after: Date | null;
}

interface ObjectRow {
  document_id: string;
  file_name: string;
  mime_type: string;
  size: string | number;
  checksum: string;
}

/**
 * Whether a case's class code must be *****: where it reveals a person — it is an identity number
 * (persons as classes, e.g. in child welfare), or the case's or entry's screening names it as a
 * screened word or hides the whole title.
 */
export function screensClass(code: string, ...screenings: (Screening | null | undefined)[]): boolean {
  if (parseIdentityNumber(code).ok) return true;
  const lower = code.toLocaleLowerCase();
  return screenings.some((s) => s && (s.fields.includes('title') || s.titleWords.some((w) => lower.includes(w.toLocaleLowerCase()) || w.toLocaleLowerCase().includes(lower))));
}

interface EntryLike {
  id: string;
  screening: Screening | null;
}

/**
 * The public documents of the given entries of one case, by entry id. A document's accessibleAfter
 * is passed on: the journal, which knows the time, withholds the file until then.
 */
export async function publicDocumentsOf(tx: Tx, kase: { screening: Screening | null }, entries: readonly EntryLike[]): Promise<Map<string, PublicDocumentView[]>> {
  const result = new Map<string, PublicDocumentView[]>();
  if (!entries.length) return result;
  const ids = entries.map((e) => e.id);
  const documents = (
    await sql<DocumentRow>`select id, registry_entry_id, document_number, relation, title, screening, published_in_full, accessible_after
      from documents where registry_entry_id in (${sql.join(ids)}) order by registry_entry_id, document_number`.execute(tx)
  ).rows;
  if (!documents.length) return result;
  const objects = (
    await sql<ObjectRow>`select distinct on (document_id) document_id, file_name, mime_type, size, checksum from document_objects
      where document_id in (${sql.join(documents.map((d) => d.id))}) and variant in ('archival', 'production')
      order by document_id, version desc, (variant = 'archival') desc`.execute(tx)
  ).rows;
  for (const entry of entries) {
    const caseWords = kase.screening?.titleWords ?? [];
    const words = [...caseWords, ...(entry.screening?.titleWords ?? [])];
    const list: PublicDocumentView[] = [];
    for (const d of documents.filter((x) => x.registry_entry_id === entry.id)) {
      // Inherited unless the document says otherwise.
      const effective = d.screening ?? entry.screening ?? kase.screening;
      const hidden = [entry.screening, kase.screening, d.screening].some((s) => s?.fields.includes('documents'));
      if (hidden) continue;
      let title = publicTitle(d.title, d.screening);
      if (words.length) title = publicTitle(title, { fields: [], titleWords: words });
      // The officer's decision (publishedInFull) stands only while no screening applies to the document.
      const inFull = d.published_in_full && !effective && title !== SCREENED_MARK;
      const object = inFull ? objects.find((o) => o.document_id === d.id) : undefined;
      // Only documents published in full are public (issue 7 §2): the others are not listed at all.
      if (!object) continue;
      list.push({
        id: d.id,
        documentNumber: d.document_number,
        relation: d.relation,
        publicTitle: title,
        publishedInFull: true,
        file: { fileName: object.file_name, mimeType: object.mime_type, size: Number(object.size), checksum: object.checksum },
        accessibleAfter: d.accessible_after,
      });
    }
    result.set(entry.id, list);
  }
  return result;
}

/** Every case file of the transaction's municipality: what to rewrite when its publication policy changes. */
export async function caseFilesOfTenant(tx: Tx): Promise<string[]> {
  return (await sql<{ id: string }>`select id from case_files order by id`.execute(tx)).rows.map((r) => r.id);
}
