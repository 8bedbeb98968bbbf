// SPDX-License-Identifier: EUPL-1.2
// The verification report: one result per check, each finding naming the file, the element and the
// line, with a message key and values (not text), so the CLI renders it in the archivist's language
// and the archivist UI reads the same report as JSON.
import type { Params } from '../../common/languages.ts';
import type { MessageKey } from './texts.ts';
import { own } from './xml.ts';

/**
 * passed: no deviation. failed: at least one deviation. deviation: a known, explained departure from
 * Arkade that does not fail the package (N5.29). not-applicable: the check does not apply to this
 * package (say why in `facts`). not-run: it could not run here (xmllint missing, a file unreadable).
 */
export type CheckStatus = 'passed' | 'failed' | 'deviation' | 'not-applicable' | 'not-run';

export interface Finding {
  message: MessageKey;
  params?: Params;
  /** Path relative to the package root, forward slashes. */
  file?: string;
  /** Local name of the element the finding is about. */
  element?: string;
  line?: number;
  /** The systemID of the unit the element belongs to, when known. */
  systemId?: string;
}

export interface CheckResult {
  /** Arkade's id (N5.02) or ours for checks Arkade does not have (RH.01). */
  id: string;
  status: CheckStatus;
  /** Deviations (failed) or the explained departures (deviation). */
  findings: Finding[];
  /** Counts and other information lines; never a deviation. */
  facts: Finding[];
  /** Findings left out of `findings` to keep the report bounded on big packages. */
  omitted?: number;
}

export interface VerifyReport {
  /** Absolute path of the package that was verified. */
  dir: string;
  /** The Noark 5 version arkivuttrekk.xml declares (info/type/version), if any. */
  version?: string;
  checks: CheckResult[];
  passed: boolean;
  /** 0 passed, 1 a check failed, 2 nothing failed but some check could not run. */
  exitCode: 0 | 1 | 2;
}

/** At most this many findings per check are kept; the rest are counted. Memory stays bounded. */
export const findingLimit = 500;

/** Collects one check's findings and facts while a pass runs. */
export class CheckCollector {
  readonly findings: Finding[] = [];
  readonly facts: Finding[] = [];
  omitted = 0;
  status: CheckStatus | undefined;

  constructor(readonly id: string) {}

  fail(finding: Finding): void {
    if (this.findings.length < findingLimit) this.findings.push(owned(finding));
    else this.omitted++;
  }

  fact(finding: Finding): void {
    if (this.facts.length < findingLimit) this.facts.push(owned(finding));
  }

  get failures(): number {
    return this.findings.length + this.omitted;
  }

  result(): CheckResult {
    const status = this.status ?? (this.failures > 0 ? 'failed' : 'passed');
    return { id: this.id, status, findings: this.findings, facts: this.facts, ...(this.omitted ? { omitted: this.omitted } : {}) };
  }
}

/** Findings outlive the chunk their values were read from: copy the strings (see `own`). */
function owned(finding: Finding): Finding {
  const params = finding.params && Object.fromEntries(Object.entries(finding.params).map(([k, v]) => [k, typeof v === 'string' ? own(v) : v]));
  return { ...finding, ...(params ? { params } : {}), ...(finding.systemId ? { systemId: own(finding.systemId) } : {}) };
}

export function finishReport(dir: string, version: string | undefined, checks: CheckResult[]): VerifyReport {
  const failed = checks.some((c) => c.status === 'failed');
  const notRun = checks.some((c) => c.status === 'not-run');
  return { dir, ...(version ? { version } : {}), checks, passed: !failed && !notRun, exitCode: failed ? 1 : notRun ? 2 : 0 };
}
