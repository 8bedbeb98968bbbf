// SPDX-License-Identifier: EUPL-1.2
// Video per agenda item: where in the recording the item starts, and its captions or transcript as
// WebVTT (universal design rules require captions for recordings kept online). Both come with the
// recording, after the meeting, so they may be set after the minutes are approved. The transcript is
// checked before anything is stored, so a refused upload leaves no file behind; an accepted one is
// kept content-addressed (its SHA-256) in the file store.
import { Readable } from 'node:stream';
import type { Tx } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import type { AppContext } from '../platform/context.ts';
import { invalid } from '../platform/http/problem.ts';
import { itemForRecord, meetingChanged, type RecordCtx } from './decisions.ts';
import { updateItem } from './decisions-repository.ts';

/** Captions of a long meeting item stay well below this; more is not a transcript. */
export const TRANSCRIPT_MAX_BYTES = 2 * 1024 * 1024;
/** A recording longer than a day is not a meeting's. */
export const MAX_OFFSET_SECONDS = 24 * 3600;

const timestamp = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const seconds = (value: string): number | undefined => {
  const m = timestamp.exec(value);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000 : undefined;
};

/**
 * The problems of a WebVTT file (W3C WebVTT §4): UTF-8, the "WEBVTT" signature alone or followed by
 * a space or tab, and every cue timing line "start --> end" with valid timestamps, end after start
 * and starts in order. Empty when the file is fine. Line numbers are 1-based.
 */
export function webVttProblems(bytes: Buffer): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return ['the file is not UTF-8'];
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const lines = text.split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return ['the file must start with the line "WEBVTT"'];
  const problems: string[] = [];
  let cues = 0;
  let lastStart = 0;
  lines.forEach((line, i) => {
    if (!line.includes('-->')) return;
    const [start, rest] = line.split('-->', 2).map((s) => s.trim());
    const end = rest?.split(/[ \t]+/)[0] ?? '';
    const a = seconds(start ?? '');
    const b = seconds(end);
    if (a === undefined || b === undefined) problems.push(`line ${i + 1}: a cue timing must read "hh:mm:ss.ttt --> hh:mm:ss.ttt"`);
    else if (b <= a) problems.push(`line ${i + 1}: the cue ends before it starts`);
    else if (a < lastStart) problems.push(`line ${i + 1}: the cues must be in the order they start`);
    else {
      lastStart = a;
      cues += 1;
    }
  });
  if (!problems.length && !cues) problems.push('the file has no cues');
  return problems.slice(0, 10);
}

export async function setAgendaItemVideo(tx: Tx, c: RecordCtx, itemId: string, input: { offsetSeconds: number }) {
  const { item, meeting } = await itemForRecord(tx, itemId, { afterMinutes: true });
  await updateItem(tx, item.id, { video_offset_seconds: input.offsetSeconds, updated_at: c.at });
  await meetingChanged(tx, c, meeting.id);
  return { itemId: item.id, offsetSeconds: input.offsetSeconds, transcriptSha256: item.transcript_sha256 };
}

export async function uploadAgendaItemTranscript(tx: Tx, ctx: Pick<AppContext, 'files'>, c: RecordCtx, itemId: string, bytes: Buffer, staged: StagedFile[]) {
  const { item, meeting } = await itemForRecord(tx, itemId, { afterMinutes: true });
  const problems = webVttProblems(bytes);
  if (problems.length) throw invalid([{ field: 'body', code: 'invalidWebVtt', message: problems.join('; ') }]);
  const file = await ctx.files.stage(Readable.from([bytes]), { maxBytes: TRANSCRIPT_MAX_BYTES });
  staged.push(file);
  await updateItem(tx, item.id, { transcript_sha256: file.checksum, updated_at: c.at });
  await meetingChanged(tx, c, meeting.id);
  return { itemId: item.id, offsetSeconds: item.video_offset_seconds, transcriptSha256: file.checksum, size: file.size };
}
