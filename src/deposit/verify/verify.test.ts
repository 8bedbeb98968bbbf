// SPDX-License-Identifier: EUPL-1.2
// The verifier on packages built by test-fixtures.ts: a valid package passes with exit code 0, and
// each test breaks one thing and asserts the report names the check, the file, the element (and the
// line where there is one) and that the exit code is not 0.
import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../../cli/io.ts';
import { main } from '../../cli/main.ts';
import { placeholders } from '../../common/languages.ts';
import { checkTitles } from './check-texts.ts';
import type { VerifyReport } from './report.ts';
import { buildPackage, sid } from './test-fixtures.ts';
import { messages } from './texts.ts';
import { checkOrder, verifyNoark5 } from './verify.ts';

async function radhus(...argv: string[]) {
  const io = captureOutput();
  const env = { NODE_ENV: 'test', DATA_DIR: await mkdtemp(join(tmpdir(), 'radhus-verify-data-')) };
  const code = await main(argv, io, env);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const check = (report: VerifyReport, id: string) => report.checks.find((c) => c.id === id)!;
const failed = (report: VerifyReport) => report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
/** Replaces exactly one occurrence, so a test cannot silently edit nothing. */
function once(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `"${from}" occurs once`).toBe(1);
  return text.replace(from, to);
}
const editFile = (name: string, from: string, to: string) => (files: Map<string, string | Buffer>) => files.set(name, once(files.get(name)!.toString(), from, to));

// Schema validation needs xmllint (Debian: libxml2-utils; CI installs it). Without it these tests
// cannot tell a valid package from an invalid one, so they are skipped, loudly.
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) console.error('SKIPPED src/deposit/verify/verify.test.ts: xmllint is not installed (apt-get install libxml2-utils)');

describe.skipIf(!hasXmllint)('radhus verify noark5', { timeout: 60_000 }, () => {
  it('passes a valid v5.5 package with exit code 0; PRONOM format codes are the one known deviation (N5.29)', async () => {
    const dir = await buildPackage();
    const result = await radhus('verify', 'noark5', dir);
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout.at(-1)).toBe(`Resultat: BESTÅTT. ${checkOrder.length} kontroller, ingen avvik.`);
    expect(result.stdout).toContain('~~ N5.29  Antall av ulike dokumentformater: kjent avvik');

    const json = await radhus('verify', 'noark5', dir, '--json', '--lang', 'en');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout.join('\n')) as VerifyReport & { language: string; checks: { title: string; status: string }[] };
    expect(report).toMatchObject({ passed: true, exitCode: 0, version: '5.0', language: 'en' });
    expect(report.checks.map((c) => c.id)).toEqual([...checkOrder]);
    expect(report.checks.filter((c) => c.status !== 'passed').map((c) => [c.id, c.status])).toEqual([['N5.29', 'deviation']]);
    expect(check(report, 'N5.03').facts.map((f) => f.params?.file)).toEqual(['arkivstruktur.xml', 'endringslogg.xml', 'loependeJournal.xml', 'offentligJournal.xml', 'arkivuttrekk.xml']);
    expect(check(report, 'N5.29').facts.at(-1)).toMatchObject({ message: 'formatDeviationExplained', text: expect.stringContaining('PRONOM') });
  });

  it('names the file whose checksum does not match, and exits 1', async () => {
    const dir = await buildPackage();
    await appendFile(join(dir, 'endringslogg.xml'), '<!-- changed after packing -->\n');
    const result = await radhus('verify', 'noark5', dir, '--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('XX N5.02  Checksums of the listed files: FAILED');
    expect(result.stdout.find((l) => l.includes('The checksum of endringslogg.xml does not match'))).toMatch(/\[file arkivuttrekk\.xml, element checksum, line \d+\]$/);
    expect(failed(await verifyNoark5(dir))).toEqual(['N5.02']);
  });

  it('names a missing document file and the element that refers to it', async () => {
    const dir = await buildPackage();
    await unlink(join(dir, 'DOKUMENT/2024/2110.pdf'));
    const report = await verifyNoark5(dir);
    expect(report.exitCode).toBe(1);
    expect(failed(report)).toEqual(['N5.28', 'N5.30', 'N5.32']);
    expect(check(report, 'N5.32').findings).toEqual([
      { message: 'docMissing', params: { file: 'DOKUMENT/2024/2110.pdf' }, file: 'arkivstruktur.xml', element: 'referanseDokumentfil', line: expect.any(Number), systemId: sid(2112) },
    ]);
    expect(check(report, 'N5.28').findings[0]).toMatchObject({ message: 'docCountMismatch', params: { documented: '6', actual: 5 }, element: 'antallDokumentfiler' });
  });

  it('names a document file nothing refers to', async () => {
    const dir = await buildPackage();
    await writeFile(join(dir, 'DOKUMENT/2024/stray.pdf'), '%PDF-1.4\n');
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.28', 'N5.33']);
    expect(check(report, 'N5.33').findings).toEqual([{ message: 'docUnreferenced', params: { file: 'DOKUMENT/2024/stray.pdf' }, file: 'DOKUMENT/2024/stray.pdf' }]);
  });

  it('refuses a document reference that leaves the documents folder', async () => {
    const dir = await buildPackage({ edit: editFile('arkivstruktur.xml', '<referanseDokumentfil>DOKUMENT/2024/2310.pdf', '<referanseDokumentfil>DOKUMENT/../arkivuttrekk.xml') });
    const report = await verifyNoark5(dir);
    expect(check(report, 'N5.32').findings[0]).toMatchObject({ message: 'docOutside', element: 'referanseDokumentfil', systemId: sid(2312) });
    expect(failed(report)).toContain('N5.33');
  });

  it('names broken references: to a folder (RH.02), to a series (N5.48), from the change log (N5.62)', async () => {
    const dir = await buildPackage({
      edit: (files) => {
        editFile('arkivstruktur.xml', `<referanseTilMappe>${sid(2100)}`, `<referanseTilMappe>${sid(9999)}`)(files);
        editFile('arkivstruktur.xml', `<avsluttetAv>saksbehandler</avsluttetAv>\n          <kryssreferanse>\n            <referanseTilMappe>${sid(9999)}`, `<avsluttetAv>saksbehandler</avsluttetAv>\n          <referanseArkivdel>${sid(1000 + 1)}</referanseArkivdel>\n          <kryssreferanse>\n            <referanseTilMappe>${sid(9999)}`)(files);
        editFile('endringslogg.xml', `<referanseArkivenhet>${sid(2110)}`, `<referanseArkivenhet>${sid(8888)}`)(files);
      },
    });
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.48', 'N5.62', 'RH.02']);
    expect(check(report, 'RH.02').findings[0]).toMatchObject({ file: 'arkivstruktur.xml', element: 'referanseTilMappe', systemId: sid(2200), params: { value: sid(9999), target: 'mappe' } });
    expect(check(report, 'RH.02').findings).toHaveLength(1); // the reference ahead, from 2100 to 2300, resolves
    expect(check(report, 'N5.48').findings[0]).toMatchObject({ file: 'arkivstruktur.xml', element: 'referanseArkivdel', systemId: sid(2200), params: { value: sid(1001), target: 'arkivdel' } });
    expect(check(report, 'N5.62').findings[0]).toMatchObject({ file: 'endringslogg.xml', element: 'referanseArkivenhet', line: 4, params: { value: sid(8888) } });
  });

  it('reports XML that breaks its schema with the file, the element and the line', async () => {
    const dir = await buildPackage({ edit: editFile('arkivstruktur.xml', '<tittel>Klager</tittel>', '<tittelen>Klager</tittelen>') });
    const result = await radhus('verify', 'noark5', dir);
    expect(result.code).toBe(1);
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.03']);
    expect(check(report, 'N5.03').findings).toEqual([
      { message: 'schemaError', params: { message: expect.stringContaining("tittelen': This element is not expected"), lines: expect.any(String) }, file: 'arkivstruktur.xml', element: 'tittelen', line: expect.any(Number) },
    ]);
  });

  it('reports XML that is not well-formed, and runs no content check on it', async () => {
    const dir = await buildPackage({ edit: editFile('arkivstruktur.xml', '<tittel>Klager</tittel>', '<tittel>Klager</tittle>') });
    const report = await verifyNoark5(dir);
    expect(report.exitCode).toBe(1);
    expect(check(report, 'RH.03').findings).toEqual([{ message: 'notWellFormed', params: { message: expect.any(String) }, file: 'arkivstruktur.xml', line: expect.any(Number) }]);
    expect(check(report, 'N5.47').status).toBe('not-run');
    expect(check(report, 'N5.03').status).toBe('failed');
  });

  it('names a wrong namespace', async () => {
    const ns = 'http://www.arkivverket.no/standarder/noark5/loependeJournal';
    const dir = await buildPackage({ edit: editFile('loependeJournal.xml', `xmlns="${ns}"`, `xmlns="${ns}/v2"`) });
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.03', 'RH.03']);
    expect(check(report, 'RH.03').findings).toEqual([{ message: 'wrongNamespace', params: { expected: ns, actual: `${ns}/v2` }, file: 'loependeJournal.xml', element: 'loependeJournal', line: 2 }]);
    expect(check(report, 'N5.03').findings[0]).toMatchObject({ file: 'loependeJournal.xml', element: 'loependeJournal' });
  });

  it('counts a standard schema the package does not list as a deviation, and validates with our copy', async () => {
    const dir = await buildPackage({ editAddml: (xml) => xml.replace(/<property name="schema"><value>main<\/value><properties><property name="file"><properties><property name="name"><value>loependeJournal\.xsd<\/value>.*?<\/property><\/properties><\/property>(?=<property name="schema">)/, '') });
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.03']);
    expect(check(report, 'N5.03').findings).toEqual([{ message: 'schemaBuiltIn', params: { schema: 'loependeJournal.xsd', file: 'loependeJournal.xml' }, file: 'arkivuttrekk.xml' }]);
    expect(check(report, 'N5.03').facts).toContainEqual({ message: 'schemaValid', params: { file: 'loependeJournal.xml', schema: 'loependeJournal.xsd' }, file: 'loependeJournal.xml' });
  });

  it('refuses a DOCTYPE, which Arkade prohibits', async () => {
    const dir = await buildPackage({ edit: editFile('endringslogg.xml', '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE endringslogg>\n') });
    const report = await verifyNoark5(dir);
    expect(check(report, 'RH.03').findings).toEqual([{ message: 'notWellFormed', params: { message: 'a DOCTYPE is not allowed in a Noark 5 extraction' }, file: 'endringslogg.xml', line: 2 }]);
    expect(report.exitCode).toBe(1);
  });

  it('opens no file outside the package that arkivuttrekk.xml names', async () => {
    const dir = await buildPackage({ editAddml: (xml) => once(xml, '<value>endringslogg.xml</value>', '<value>../../etc/passwd</value>') });
    const report = await verifyNoark5(dir);
    expect(check(report, 'N5.01').findings).toEqual([{ message: 'fileOutside', params: { file: '../../etc/passwd' }, file: 'arkivuttrekk.xml', element: 'property', line: expect.any(Number) }]);
    expect(check(report, 'N5.02').facts.map((f) => f.params?.file)).not.toContain('../../etc/passwd');
    expect(report.exitCode).toBe(1);
  });

  it('names a duplicate system id with every line it is on', async () => {
    const dir = await buildPackage({ edit: editFile('arkivstruktur.xml', `<systemID>${sid(2312)}</systemID>`, `<systemID>${sid(2112)}</systemID>`) });
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.47']);
    expect(check(report, 'N5.47').findings).toEqual([
      { message: 'systemIdDuplicate', params: { value: sid(2112), count: 2, lines: expect.stringMatching(/^\d+, \d+$/) }, file: 'arkivstruktur.xml', element: 'systemID', line: expect.any(Number) },
    ]);
  });

  it('names an empty element and the unit it is in', async () => {
    const dir = await buildPackage({ edit: editFile('arkivstruktur.xml', '<tittel>Klage</tittel>\n            <korrespondansepart>', '<tittel>Klage</tittel>\n            <beskrivelse>  </beskrivelse>\n            <korrespondansepart>') });
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.63']);
    expect(check(report, 'N5.63').findings).toEqual([
      { message: 'emptyElement', params: { element: 'beskrivelse', after: expect.any(String) }, file: 'arkivstruktur.xml', element: 'beskrivelse', line: expect.any(Number), systemId: sid(2310) },
    ]);
  });

  it('compares the counts and flags of arkivuttrekk.xml with the archive', async () => {
    const dir = await buildPackage({
      editAddml: (xml) => once(once(xml, '<value>mappe</value>', '<value>mappe</value>').replace(/(<value>mappe<\/value>.*?name="value"><value>)4</s, '$13<'), 'name="inneholderSkjermetInformasjon"><value>true', 'name="inneholderSkjermetInformasjon"><value>false'),
    });
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.10', 'N5.42']);
    expect(check(report, 'N5.10').findings[0]).toMatchObject({ message: 'countMismatch', params: { element: 'mappe', documented: 3, actual: 4 }, file: 'arkivuttrekk.xml' });
    expect(check(report, 'N5.42').findings[0]).toMatchObject({ message: 'flagMismatch', params: { flag: 'inneholderSkjermetInformasjon', value: 'false', count: 1 }, element: 'inneholderSkjermetInformasjon' });
  });

  it('holds the journals to the archive when the period was separated sharply', async () => {
    const dir = await buildPackage({ edit: editFile('loependeJournal.xml', '<antallJournalposter>6<', '<antallJournalposter>7<') });
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.59']);
    expect(check(report, 'N5.59').findings.map((f) => [f.message, f.file, f.element])).toEqual([
      ['journalsDiffer', 'offentligJournal.xml', 'antallJournalposter'],
      ['journalVsArchive', 'loependeJournal.xml', 'antallJournalposter'],
    ]);
  });

  it('finds statuses a closed extraction may not have, dates outside the series period, and format codes that are neither PRONOM nor the extension', async () => {
    const dir = await buildPackage({
      edit: (files) => {
        editFile('arkivstruktur.xml', '<saksstatus>Avsluttet</saksstatus>\n        </mappe>\n      </klasse>\n    </klassifikasjonssystem>\n  </arkivdel>\n  <arkivdel>', '<saksstatus>Under behandling</saksstatus>\n        </mappe>\n      </klasse>\n    </klassifikasjonssystem>\n  </arkivdel>\n  <arkivdel>')(files);
        editFile('arkivstruktur.xml', '<referanseDokumentfil>DOKUMENT/2024/2310.pdf', '<referanseDokumentfil>DOKUMENT/2024/2310.pdf')(files);
        editFile('arkivstruktur.xml', '<format>fmt/95</format>\n                <formatDetaljer>PDF/A-1b</formatDetaljer>\n                <opprettetDato>2024-12-30', '<format>docx</format>\n                <formatDetaljer>PDF/A-1b</formatDetaljer>\n                <opprettetDato>2024-12-30')(files);
        for (const name of ['arkivstruktur.xml', 'loependeJournal.xml', 'offentligJournal.xml']) editFile(name, '<journaldato>2023-11-20', '<journaldato>2024-01-02')(files);
      },
    });
    const report = await verifyNoark5(dir);
    expect(failed(report)).toEqual(['N5.15', 'N5.29', 'RH.01']);
    expect(check(report, 'N5.15').findings[0]).toMatchObject({ message: 'statusNotAllowed', params: { value: 'Under behandling' }, element: 'saksstatus', systemId: sid(1100) });
    expect(check(report, 'N5.29').findings.at(-1)).toMatchObject({ message: 'formatMismatch', params: { format: 'docx', extension: 'pdf' }, element: 'format', systemId: sid(2312) });
    expect(check(report, 'RH.01').findings[0]).toMatchObject({ message: 'dateOutOfPeriod', params: { value: '2024-01-02', start: '2023-01-01', end: '2023-12-31', series: sid(1000) }, systemId: sid(1120) });
    expect(check(report, 'RH.01').findings).toHaveLength(1);
    const early = await buildPackage({ editAddml: (xml) => once(xml, '<value>2023-01-01</value>', '<value>2023-06-01</value>') });
    expect(check(await verifyNoark5(early), 'RH.01').findings).toEqual([
      { message: 'dateOutOfDeliveryPeriod', params: { value: '2023-03-01', start: '2023-06-01', end: '2024-12-31' }, file: 'arkivstruktur.xml', element: 'journaldato', line: expect.any(Number), systemId: sid(1110) },
    ]);
  });

  it('takes earlier Noark 5 versions against the schemas they ship, and says when there is none', async () => {
    const v4 = await buildPackage({ editAddml: (xml) => once(xml, '<value>5.0</value>', '<value>4.0</value>') });
    expect(await verifyNoark5(v4)).toMatchObject({ exitCode: 0, version: '4.0' });
    await unlink(join(v4, 'arkivstruktur.xsd'));
    const report = await verifyNoark5(v4);
    expect(failed(report)).toEqual(['N5.01', 'N5.02', 'N5.03']);
    expect(check(report, 'N5.03').findings[0]).toMatchObject({ message: 'schemaUnavailable', params: { file: 'arkivstruktur.xml', version: '4.0' } });
  });

  it('says clearly when xmllint is not installed, and exits 2 when nothing else failed', async () => {
    const dir = await buildPackage();
    const report = await verifyNoark5(dir, { xmllint: '/nonexistent/xmllint' });
    expect(report.exitCode).toBe(2);
    expect(check(report, 'N5.03')).toMatchObject({ status: 'not-run', findings: [{ message: 'xmllintMissing' }] });
  });

  it('refuses a folder without a package description, and one that does not exist', async () => {
    const dir = await buildPackage();
    await unlink(join(dir, 'arkivuttrekk.xml'));
    const report = await verifyNoark5(dir);
    expect(report.exitCode).toBe(1);
    expect(check(report, 'RH.00').findings[0]).toMatchObject({ message: 'addmlMissing' });
    expect(check(report, 'N5.02').status).toBe('not-run');
    await rm(dir, { recursive: true });
    const missing = await radhus('verify', 'noark5', dir);
    expect(missing).toMatchObject({ code: 1, stderr: [`radhus verify noark5: there is no folder ${dir}`] });
  });

  it('has every text in four languages with the same placeholders, and a title for every check', () => {
    for (const [key, texts] of Object.entries(messages)) for (const lang of ['nn', 'sv', 'en'] as const) expect(placeholders(texts[lang]), `${key}.${lang}`).toEqual(placeholders(texts.nb));
    for (const id of checkOrder) expect(Object.values(checkTitles[id] ?? {}), id).toHaveLength(4);
  });
});
