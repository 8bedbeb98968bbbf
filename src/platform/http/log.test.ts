// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { requestForLog } from './app.ts';

describe('requestForLog', () => {
  it('keeps the path and drops query strings that may hold login codes or names', () => {
    expect(requestForLog({ id: 'req-1', method: 'GET', url: '/auth/callback?code=secret-code&state=s' })).toEqual({ id: 'req-1', method: 'GET', path: '/auth/callback' });
    expect(JSON.stringify(requestForLog({ method: 'GET', url: '/api/v1/balsfjord/case-files?q=Ola%20Nordmann' }))).not.toContain('Ola');
  });
});
