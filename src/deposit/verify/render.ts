// SPDX-License-Identifier: EUPL-1.2
// The report for people: one block per check, its verdict first, then each deviation with the file,
// element and line it is about; and the same report as JSON, with the texts rendered in the chosen
// language beside the stable keys, for the archivist UI.
import { format, type Language } from '../../common/languages.ts';
import { checkTitles, reportTexts, statusTexts } from './check-texts.ts';
import type { CheckResult, Finding, VerifyReport } from './report.ts';
import { messages } from './texts.ts';

export const findingText = (finding: Finding, lang: Language): string => format(messages[finding.message][lang], finding.params);

export const checkTitle = (id: string, lang: Language): string => checkTitles[id]?.[lang] ?? id;

function location(finding: Finding, lang: Language): string {
  const parts: string[] = [];
  if (finding.file) parts.push(`${reportTexts.file[lang]} ${finding.file}`);
  if (finding.element) parts.push(`${reportTexts.element[lang]} ${finding.element}`);
  if (finding.line) parts.push(`${reportTexts.line[lang]} ${finding.line}`);
  if (finding.systemId) parts.push(`systemID ${finding.systemId}`);
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

const marks: Record<CheckResult['status'], string> = { passed: 'OK ', failed: 'XX ', deviation: '~~ ', 'not-applicable': '-- ', 'not-run': '?? ' };

export function renderReport(report: VerifyReport, lang: Language): string[] {
  const lines = [format(reportTexts.heading[lang], { dir: report.dir })];
  if (report.version) lines.push(format(reportTexts.version[lang], { version: report.version }));
  lines.push('');
  for (const check of report.checks) {
    lines.push(`${marks[check.status]}${check.id}  ${checkTitle(check.id, lang)}: ${statusTexts[check.status]![lang]}`);
    for (const finding of check.findings) lines.push(`      ! ${findingText(finding, lang)}${location(finding, lang)}`);
    if (check.omitted) lines.push(`      ! ${format(reportTexts.omitted[lang], { count: check.omitted })}`);
    for (const fact of check.facts) lines.push(`        ${findingText(fact, lang)}${location(fact, lang)}`);
  }
  lines.push('');
  const failed = report.checks.filter((c) => c.status === 'failed');
  const notRun = report.checks.filter((c) => c.status === 'not-run');
  const findings = failed.reduce((sum, c) => sum + c.findings.length + (c.omitted ?? 0), 0);
  if (failed.length) lines.push(format(reportTexts.failed[lang], { failed: failed.length, checks: report.checks.length, findings }));
  else if (notRun.length) lines.push(format(reportTexts.notRun[lang], { notRun: notRun.length }));
  else lines.push(format(reportTexts.passed[lang], { checks: report.checks.length }));
  return lines;
}

/** The report as JSON: keys and values for programs, rendered texts for people, in one object. */
export function reportJson(report: VerifyReport, lang: Language): unknown {
  const withText = (finding: Finding) => ({ ...finding, text: findingText(finding, lang) });
  return {
    ...report,
    language: lang,
    checks: report.checks.map((check) => ({
      ...check,
      title: checkTitle(check.id, lang),
      statusText: statusTexts[check.status]![lang],
      findings: check.findings.map(withText),
      facts: check.facts.map(withText),
    })),
  };
}
