// SPDX-License-Identifier: EUPL-1.2
// The words the server writes into the archive for a submission (the PDFs, the entry's
// description), in the four languages; the municipality's language is used, as for its letters.
import type { Language } from '../common/languages.ts';

export interface Words {
  answers: string;
  receipt: string;
  municipality: string;
  caseNumber: string;
  registryNumber: string;
  form: string;
  submitter: string;
  submittedAt: string;
  channel: string;
  channels: Record<'web' | 'paper' | 'phone' | 'counter' | 'open311', string>;
  attachments: string;
  checksum: string;
  none: string;
  unnamed: string;
  anonymous: string;
  yes: string;
  no: string;
  signedBy: string;
}

export const words: Record<Language, Words> = {
  nb: {
    answers: 'Svar', receipt: 'Kvittering', municipality: 'Kommune', caseNumber: 'Saksnummer', registryNumber: 'Journalpostnummer', form: 'Skjema', submitter: 'Innsender',
    submittedAt: 'Sendt inn', channel: 'Kanal', channels: { web: 'digitalt', paper: 'papir, registrert av kommunen', phone: 'telefon, registrert av kommunen', counter: 'skranke, registrert av kommunen', open311: 'app (Open311)' },
    attachments: 'Vedlegg', checksum: 'Sjekksum (SHA-256)', none: 'ingen', unnamed: 'Innbygger', anonymous: 'Anonym', yes: 'Ja', no: 'Nei', signedBy: 'Signert av',
  },
  nn: {
    answers: 'Svar', receipt: 'Kvittering', municipality: 'Kommune', caseNumber: 'Saksnummer', registryNumber: 'Journalpostnummer', form: 'Skjema', submitter: 'Innsendar',
    submittedAt: 'Sendt inn', channel: 'Kanal', channels: { web: 'digitalt', paper: 'papir, registrert av kommunen', phone: 'telefon, registrert av kommunen', counter: 'skranke, registrert av kommunen', open311: 'app (Open311)' },
    attachments: 'Vedlegg', checksum: 'Sjekksum (SHA-256)', none: 'ingen', unnamed: 'Innbyggjar', anonymous: 'Anonym', yes: 'Ja', no: 'Nei', signedBy: 'Signert av',
  },
  sv: {
    answers: 'Svar', receipt: 'Kvitto', municipality: 'Kommun', caseNumber: 'Diarienummer', registryNumber: 'Handlingsnummer', form: 'Formulär', submitter: 'Avsändare',
    submittedAt: 'Inskickad', channel: 'Kanal', channels: { web: 'digitalt', paper: 'papper, registrerat av kommunen', phone: 'telefon, registrerat av kommunen', counter: 'disk, registrerat av kommunen', open311: 'app (Open311)' },
    attachments: 'Bilagor', checksum: 'Kontrollsumma (SHA-256)', none: 'inga', unnamed: 'Invånare', anonymous: 'Anonym', yes: 'Ja', no: 'Nej', signedBy: 'Signerad av',
  },
  en: {
    answers: 'Answers', receipt: 'Receipt', municipality: 'Municipality', caseNumber: 'Case number', registryNumber: 'Registry number', form: 'Form', submitter: 'Submitted by',
    submittedAt: 'Submitted', channel: 'Channel', channels: { web: 'online', paper: 'paper, registered by the municipality', phone: 'phone, registered by the municipality', counter: 'counter, registered by the municipality', open311: 'app (Open311)' },
    attachments: 'Attachments', checksum: 'Checksum (SHA-256)', none: 'none', unnamed: 'Resident', anonymous: 'Anonymous', yes: 'Yes', no: 'No', signedBy: 'Signed by',
  },
};
