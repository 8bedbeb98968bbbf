// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from './routes.ts';

describe('routes', () => {
  const samples: Exclude<Route, { name: 'notFound' }>[] = [
    { name: 'home' },
    { name: 'caseList', tenant: 'balsfjord' },
    { name: 'start', tenant: 'balsfjord' },
    { name: 'workList', tenant: 'balsfjord', list: 'my-cases' },
    { name: 'workList', tenant: 'balsfjord', list: 'unit-cases', unitId: 'u1', sort: 'title', order: 'desc', cursor: 'bzoyNQ' },
    { name: 'workList', tenant: 'eksjo', list: 'overdue' },
    { name: 'caseNew', tenant: 'balsfjord' },
    { name: 'caseView', tenant: 'eksjo', id: '0190a1b2-0000-7000-8000-000000000001' },
    { name: 'caseScreening', tenant: 'eksjo', id: 'abc' },
    { name: 'entryNew', tenant: 'aneby', caseId: 'c1' },
    { name: 'entryNew', tenant: 'aneby', caseId: 'c1', followsUp: 'e1' },
    { name: 'entryView', tenant: 'vetlanda', id: 'e9' },
    { name: 'adminUsers', tenant: 'balsfjord' },
    { name: 'adminUnits', tenant: 'balsfjord' },
    { name: 'adminTokens', tenant: 'balsfjord' },
    { name: 'accessRequests', tenant: 'balsfjord' },
    { name: 'myPage', tenant: 'balsfjord' },
    { name: 'myCase', tenant: 'balsfjord', id: 'c1' },
    { name: 'myMessages', tenant: 'balsfjord' },
    { name: 'myMessage', tenant: 'balsfjord', id: 'm1' },
    { name: 'myProperty', tenant: 'balsfjord', id: 'p1' },
    { name: 'deposit', tenant: 'balsfjord' },
    { name: 'depositJob', tenant: 'eksjo', id: '0190a1b2-0000-7000-8000-000000000002' },
    { name: 'services', tenant: 'balsfjord' },
    { name: 'eform', tenant: 'balsfjord', id: 'f1' },
    { name: 'receipt', tenant: 'balsfjord', id: 's1' },
    { name: 'signing', tenant: 'balsfjord', id: 'g1' },
    { name: 'signing', tenant: 'balsfjord', id: 'g1', token: 'a+b/c=' },
    { name: 'council', tenant: 'balsfjord' },
    { name: 'councilBody', tenant: 'eksjo', id: 'b1' },
    { name: 'councilMeeting', tenant: 'balsfjord', id: 'm1' },
    { name: 'questionsNew', tenant: 'balsfjord' },
    { name: 'questionsMine', tenant: 'aneby' },
    { name: 'questionsAnswer', tenant: 'balsfjord' },
    { name: 'proposals', tenant: 'balsfjord' },
    { name: 'proposalNew', tenant: 'balsfjord' },
    { name: 'proposal', tenant: 'aneby', id: 'p1' },
    { name: 'proposalsStaff', tenant: 'balsfjord' },
  ];

  it('parses every link it builds back to the same route', () => {
    for (const route of samples) {
      const url = new URL(href(route), 'http://x');
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });

  it('treats a bare tenant as its start page and unknown paths as not found', () => {
    expect(parseRoute('/app/balsfjord')).toEqual({ name: 'start', tenant: 'balsfjord' });
    expect(parseRoute('/app/balsfjord/work/nothing').name).toBe('notFound');
    expect(parseRoute('/app/')).toEqual({ name: 'home' });
    expect(parseRoute('/app/balsfjord/nothing').name).toBe('notFound');
    expect(parseRoute('/app/Not a slug/cases').name).toBe('notFound');
    expect(parseRoute('/app/balsfjord/cases/x/entries/new/more').name).toBe('notFound');
    expect(parseRoute('/app/balsfjord/cases/%E0').name).toBe('notFound');
    expect(parseRoute('/app/balsfjord/my/cases/c1/more').name).toBe('notFound');
    expect(parseRoute('/app/balsfjord/my/elsewhere/x').name).toBe('notFound');
    expect(parseRoute('/app/balsfjord/council/meetings').name).toBe('notFound');
    expect(parseRoute('/app/balsfjord/council/meetings/m1/more').name).toBe('notFound');
  });
});
