// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { defaultRole, newCorrespondent, replyRecipients, toCorrespondent } from './correspondentDraft.ts';

describe('correspondent drafts', () => {
  it('leaves out empty fields and the identity number of the other kind', () => {
    const draft = { ...newCorrespondent('sender'), name: ' Kari Nordmann ', identityNumber: '01810012345', organisationNumber: '974760673', email: '' };
    expect(toCorrespondent(draft)).toEqual({ name: 'Kari Nordmann', kind: 'person', role: 'sender', identityNumber: '01810012345' });
    expect(toCorrespondent({ ...draft, kind: 'organisation' })).toEqual({ name: 'Kari Nordmann', kind: 'organisation', role: 'sender', organisationNumber: '974760673' });
  });

  it('addresses a reply to the senders of the letter it answers', () => {
    const recipients = replyRecipients([
      { name: 'Kari', kind: 'person', role: 'sender', address: 'Storgata 1' },
      { name: 'Kopi AS', kind: 'organisation', role: 'copy' },
    ]);
    expect(recipients.map(toCorrespondent)).toEqual([{ name: 'Kari', kind: 'person', role: 'recipient', address: 'Storgata 1' }]);
  });

  it('picks the usual role for the entry type', () => {
    expect(defaultRole('incoming')).toBe('sender');
    expect(defaultRole('outgoing')).toBe('recipient');
    expect(defaultRole('internal-with-followup')).toBe('internal-recipient');
  });
});
