// SPDX-License-Identifier: EUPL-1.2
// The forms API's schemas. A definition travels as one JSON object under `definition`; its inner
// rules (the JSON Schema compiles, the layout names real fields, four languages) are checked by
// definition.ts, which reports every failing field. The example is a complete, valid definition.
import { Type, type Static } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const T4 = Type.Object({ nb: Type.String(), nn: Type.String(), sv: Type.String(), en: Type.String() }, { additionalProperties: false });

const t4 = (nb: string, nn: string, sv: string, en: string) => ({ nb, nn, sv, en });
export const exampleDefinition = {
  key: 'report-a-problem',
  title: t4('Meld fra om feil på vei eller vann', 'Meld frå om feil på veg eller vatn', 'Felanmälan väg eller vatten', 'Report a problem on a road or the water supply'),
  description: t4('Si fra om hull i veien, vannlekkasje eller annet som må fikses.', 'Sei frå om hol i vegen, vasslekkasje eller anna som må fiksast.', 'Anmäl hål i vägen, vattenläckor eller annat som behöver åtgärdas.', 'Tell us about potholes, water leaks or other things that need fixing.'),
  rights: t4('Du får kvittering med saksnummer. Kommunen svarer innen fristen.', 'Du får kvittering med saksnummer. Kommunen svarar innan fristen.', 'Du får ett kvitto med diarienummer. Kommunen svarar inom tidsfristen.', 'You get a receipt with a case number. The municipality answers within the time stated.'),
  caseTitle: t4('Feilmelding: {what}', 'Feilmelding: {what}', 'Felanmälan: {what}', 'Problem report: {what}'),
  schema: {
    type: 'object',
    required: ['what', 'position'],
    properties: {
      what: { type: 'string', enum: ['road', 'water'] },
      position: { type: 'object', required: ['lat', 'lon'], properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lon: { type: 'number', minimum: -180, maximum: 180 } }, additionalProperties: false },
      details: { type: 'string', maxLength: 2000 },
    },
    additionalProperties: false,
  },
  layout: {
    pages: [{
      title: t4('Feilen', 'Feilen', 'Felet', 'The problem'),
      sections: [{
        title: t4('Hva og hvor', 'Kva og kvar', 'Vad och var', 'What and where'),
        fields: [
          { field: 'what', label: t4('Hva gjelder det?', 'Kva gjeld det?', 'Vad gäller det?', 'What is it about?'), widget: 'choice', options: { road: t4('Vei', 'Veg', 'Väg', 'Road'), water: t4('Vann og avløp', 'Vatn og avløp', 'Vatten och avlopp', 'Water and sewage') } },
          { field: 'position', label: t4('Plassering på kartet', 'Plassering på kartet', 'Plats på kartan', 'Position on the map'), widget: 'map' },
          { field: 'details', label: t4('Beskrivelse', 'Skildring', 'Beskrivning', 'Description'), widget: 'textarea' },
        ],
      }],
    }],
  },
  attachments: [{ field: 'photo', label: t4('Bilde', 'Bilete', 'Foto', 'Photo'), types: ['image/png', 'image/jpeg'], maxBytes: 10485760, maxFiles: 3, required: false }],
  // Anyone may report a hole in the road: no login (an e-mail address for the receipt if they like).
  loginLevel: 'none',
  submitter: 'person',
  audience: 'public',
  caseType: 'feilmelding',
  processingDays: 14,
};

const Definition = Type.Object({}, {
  additionalProperties: true,
  description: 'the form definition (docs/forms.md): key, title, description, rights, caseTitle, schema (JSON Schema of the answers), layout, attachments, loginLevel, submitter, audience, caseType, classId, unitId, processingDays',
  examples: [exampleDefinition],
});

export const DefinitionBody = Type.Object({ definition: Definition }, { additionalProperties: false });
export const PublishBody = Type.Object({ published: Type.Boolean({ description: 'false withdraws the form from the catalogue' }) }, { additionalProperties: false });
export const AdoptBody = Type.Object(
  {
    sourceFormId: Type.String({ format: 'uuid', description: 'a published form of another municipality of this installation (listServices there)' }),
    classId: Type.Optional(Id),
    unitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const FormOut = Type.Object({
  id: Id,
  key: Type.String(),
  version: Type.Integer(),
  currentVersion: Type.Integer(),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  adoptedFrom: Type.Union([Id, Type.Null()]),
  title: T4,
  description: T4,
  rights: T4,
  loginLevel: Type.String(),
  submitter: Type.String(),
  audience: Type.String(),
  processingDays: Type.Integer(),
  /** The JSON Schema of the answers (issue 9 §4: outside checks read it here). */
  schema: Type.Object({}, { additionalProperties: true }),
  layout: Type.Object({}, { additionalProperties: true }),
  attachments: Type.Array(Type.Object({}, { additionalProperties: true })),
  caseType: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const FormList = Type.Object({ items: Type.Array(FormOut) });

export const ServiceOut = Type.Object({
  id: Id,
  key: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  rights: Type.String(),
  loginLevel: Type.String(),
  audience: Type.String(),
  processingDays: Type.Integer(),
  formUrl: Type.String(),
});
export const ServiceList = Type.Object({ language: Type.String(), items: Type.Array(ServiceOut) });
export const ServicesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'words of the title or description' })),
    lang: Type.Optional(Type.Enum(['nb', 'nn', 'sv', 'en'] as const)),
  },
  { additionalProperties: false },
);

export const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, description: 'staff: an earlier version' })) }, { additionalProperties: false });

const Answers = Type.Object({}, { additionalProperties: true, description: 'the answers, checked against the form’s JSON Schema' });

export const DraftBody = Type.Object({ answers: Answers, version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const DraftOut = Type.Object({ formId: Id, version: Type.Integer(), answers: Answers, updatedAt: Type.String({ format: 'date-time' }) });

export const MyDraftList = Type.Object({
  items: Type.Array(
    Type.Object({
      formId: Id,
      version: Type.Integer(),
      title: Type.Record(Type.String(), Type.String(), { description: 'the form\'s title by language (nb, nn, sv, en)' }),
      updatedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const SubmitBody = Type.Object(
  {
    formId: Id,
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version the answers were made with; refused when it is not the published one' })),
    answers: Answers,
    onBehalfOf: Type.Optional(Type.Object(
      {
        nationalId: Type.String({ maxLength: 20, description: 'the citizen’s fødselsnummer / D-nummer / personnummer' }),
        name: Type.Optional(Type.String({ maxLength: 200 })),
        channel: Type.Enum(['paper', 'phone', 'counter'] as const),
      },
      { additionalProperties: false, description: 'staff (case officer) submitting for a citizen who came by letter, phone or to the counter' },
    )),
  },
  { additionalProperties: false, description: 'JSON; or multipart/form-data with this object as JSON in the first part "submission" and the files in parts named by the form’s attachment fields' },
);
export type SubmitBody = Static<typeof SubmitBody>;

export const SubmittedOut = Type.Object({
  submissionId: Id,
  caseNumber: Type.String(),
  registryNumber: Type.String(),
  caseFileId: Id,
  formId: Id,
  version: Type.Integer(),
  receiptUrl: Type.String(),
  receiptChecksum: Type.String({ description: 'SHA-256 of the receipt PDF' }),
  answersChecksum: Type.String({ description: 'SHA-256 of the answers PDF' }),
  attachments: Type.Array(Type.Object({ field: Type.String(), fileName: Type.String(), mimeType: Type.String(), checksum: Type.String(), size: Type.Integer() })),
});

export const SigningStarted = Type.Object({
  signingId: Id,
  contentSha256: Type.String({ description: 'SHA-256 of the canonical JSON of {formId, version, answers}: what each signer signs' }),
  waitingFor: Type.Array(Type.String(), { description: 'the co-applicants invited by e-mail' }),
});
