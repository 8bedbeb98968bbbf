// SPDX-License-Identifier: EUPL-1.2
// iCalendar (RFC 5545) of a municipality's or one body's meetings, written by hand: ical-generator
// needs Node 22. What matters here: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
// character), TEXT values escaped (\\ ; , and newlines), times in UTC (…Z) so no VTIMEZONE is needed,
// a stable UID per meeting and a SEQUENCE that grows with every change, so calendars update in place.
import type { Meeting } from './repository.ts';

export interface CalendarEvent {
  meeting: Meeting;
  summary: string;
  url: string;
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets; a continuation line starts with one space (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export const icalTime = (value: Date): string => value.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function icalendar(options: { name: string; host: string; events: CalendarEvent[]; now: Date }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rådhus//Council//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name)}`];
  for (const { meeting, summary, url } of options.events) {
    // Without an end the meeting is shown as two hours long: a calendar needs a span.
    const ends = meeting.ends_at ?? new Date(meeting.starts_at.getTime() + 2 * 3600_000);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${meeting.id}@${options.host}`,
      `DTSTAMP:${icalTime(options.now)}`,
      `DTSTART:${icalTime(meeting.starts_at)}`,
      `DTEND:${icalTime(ends)}`,
      // Seconds since the epoch of the last change: grows whenever the meeting changes.
      `SEQUENCE:${Math.max(0, Math.floor(meeting.updated_at.getTime() / 1000) - 1_700_000_000)}`,
      `LAST-MODIFIED:${icalTime(meeting.updated_at)}`,
      `SUMMARY:${escapeText(summary)}`,
      ...(meeting.location ? [`LOCATION:${escapeText(meeting.location)}`] : []),
      `URL:${url}`,
      `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
