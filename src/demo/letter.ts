// SPDX-License-Identifier: EUPL-1.2
// Lays out a demo letter or memo the way municipal mail looks: letterhead, address block, reference
// line, heading, text, greeting. Norwegian letters use dd.mm.yyyy, Swedish ones ISO dates.
import type { EntryType } from '../archive/service.ts';
import type { PdfLine } from './pdf.ts';
import type { DemoMunicipality, DemoParty, DemoPerson } from './model.ts';

export interface LetterInput {
  municipality: DemoMunicipality;
  type: EntryType;
  title: string;
  body: string[];
  /** yyyy-mm-dd */
  date: string;
  /** e.g. 2026/14-2 */
  reference: string;
  unit: string;
  party?: DemoParty | undefined;
  from?: DemoPerson | undefined;
  to?: DemoPerson | undefined;
  signedBy: DemoPerson;
}

const words = {
  nb: {
    ours: 'Vår ref.', date: 'Dato', officer: 'Saksbehandler', greeting: 'Med hilsen', memo: 'NOTAT', to: 'Til', from: 'Fra',
    signed: 'Dokumentet er elektronisk godkjent og har derfor ingen håndskrevne signaturer.',
  },
  sv: {
    ours: 'Diarienummer', date: 'Datum', officer: 'Handläggare', greeting: 'Med vänlig hälsning', memo: 'TJÄNSTESKRIVELSE', to: 'Till', from: 'Från',
    signed: 'Handlingen är godkänd elektroniskt och saknar därför namnunderskrift.',
  },
};

const formatDate = (iso: string, language: 'nb' | 'sv') => (language === 'nb' ? iso.split('-').reverse().join('.') : iso);

const addressLines = (p: { address?: string | undefined; postalCode?: string | undefined; postalTown?: string | undefined }): PdfLine[] => [
  ...(p.address ? [{ text: p.address }] : []),
  ...(p.postalCode || p.postalTown ? [{ text: [p.postalCode, p.postalTown].filter(Boolean).join(' ') }] : []),
];

const blank: PdfLine = { text: '' };

export function letterLines(input: LetterInput): PdfLine[] {
  const m = input.municipality;
  const w = words[m.language];
  const date = formatDate(input.date, m.language);
  const text = input.body.flatMap((paragraph) => [{ text: paragraph }, blank]);

  if (input.type === 'incoming') {
    // The sender's own letter, as it arrived at the town hall.
    const sender = input.party!;
    const signer = sender.kind === 'organisation' ? (sender.signedBy ?? sender.name) : sender.name;
    return [
      { text: sender.name, bold: true, size: 13 },
      ...addressLines(sender),
      ...(sender.email ? [{ text: sender.email }] : []),
      blank,
      { text: m.name },
      { text: m.address },
      { text: `${m.postalCode} ${m.postalTown}` },
      blank,
      { text: `${sender.postalTown ?? m.postalTown}, ${date}` },
      blank,
      { text: input.title, bold: true, size: 12 },
      blank,
      ...text,
      { text: w.greeting },
      { text: signer },
      ...(sender.kind === 'organisation' && sender.signedBy ? [{ text: sender.name }] : []),
    ];
  }

  const letterhead: PdfLine[] = [{ text: m.name, bold: true, size: 15 }, { text: input.unit }, blank];
  const signature: PdfLine[] = [
    { text: w.greeting },
    blank,
    { text: input.signedBy.name },
    ...(input.signedBy.position ? [{ text: input.signedBy.position }] : []),
    blank,
    { text: w.signed, size: 9 },
  ];

  if (input.type === 'outgoing') {
    const to = input.party!;
    return [
      ...letterhead,
      { text: to.name },
      ...addressLines(to),
      blank,
      { text: `${w.ours}: ${input.reference}    ${w.officer}: ${input.signedBy.name}    ${w.date}: ${date}` },
      blank,
      { text: input.title, bold: true, size: 12 },
      blank,
      ...text,
      ...signature,
    ];
  }

  return [
    ...letterhead,
    { text: w.memo, bold: true, size: 13 },
    blank,
    ...(input.to ? [{ text: `${w.to}: ${input.to.name}${input.to.position ? `, ${input.to.position}` : ''}` }] : []),
    { text: `${w.from}: ${(input.from ?? input.signedBy).name}` },
    { text: `${w.ours}: ${input.reference}    ${w.date}: ${date}` },
    blank,
    { text: input.title, bold: true, size: 12 },
    blank,
    ...text,
  ];
}

/** An ASCII file name from a title: "Søknad om konsesjon" → "soknad-om-konsesjon.pdf". */
export function fileNameFor(title: string): string {
  const map: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o', é: 'e', ü: 'u' };
  const slug = title
    .toLowerCase()
    .replace(/[æøåäöéü]/g, (c) => map[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'dokument'}.pdf`;
}
