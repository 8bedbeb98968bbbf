// SPDX-License-Identifier: EUPL-1.2
// The walk's planner fills every `{…}` of a path with an id of its own kind: a path with two ids
// (…/meetings/{meetingId}/adjusters/{personId}/signature) gets the meeting's and the person's, so the
// hostile-input and tenant-isolation walks reach the operation; and such a path counts as carrying ids.
import { describe, expect, it } from 'vitest';
import { hasPathIds, idKinds, planOperation, tenantOperations, type Ids, type OpenApiDocument } from './support.ts';

const uuid = { type: 'string', format: 'uuid' } as const;
const doc: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'walk', version: '1' },
  paths: {
    '/api/v1/{tenant}/council/meetings/{meetingId}/adjusters/{personId}/signature': {
      post: {
        operationId: 'signMinutes',
        parameters: [{ name: 'tenant', in: 'path', required: true, schema: { type: 'string' } }, { name: 'meetingId', in: 'path', required: true, schema: uuid }, { name: 'personId', in: 'path', required: true, schema: uuid }],
      },
    },
    '/api/v1/{tenant}/council/meetings': { get: { operationId: 'listCouncilMeetings', parameters: [{ name: 'tenant', in: 'path', required: true, schema: { type: 'string' } }] } },
  },
};

describe('the walk’s planner', () => {
  it('fills each path id with its own kind', () => {
    const [sign, list] = tenantOperations(doc);
    const ids = Object.fromEntries([...idKinds.map((k) => [k, `id-of-${k}`]), ['searchText', 'x']]) as Ids;
    const request = planOperation(sign!, doc).build({ slug: 'fjordvik', token: 't', path: ids, fields: () => ids, nonce: 'n' });
    expect(request.url).toBe('/api/v1/fjordvik/council/meetings/id-of-councilMeeting/adjusters/id-of-councilPerson/signature');
    expect(hasPathIds(sign!)).toBe(true);
    expect(hasPathIds(list!)).toBe(false);
  });
});
