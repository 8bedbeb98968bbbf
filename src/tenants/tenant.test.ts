// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { validateNewTenant } from './tenant.ts';

describe('validateNewTenant', () => {
  it('accepts the demo municipalities', () => {
    expect(validateNewTenant({ slug: 'balsfjord', officialNumber: '5532', name: 'Balsfjord kommune', country: 'NO' })).toEqual([]);
    expect(validateNewTenant({ slug: 'nassjo', officialNumber: '0682', name: 'Nässjö kommun', country: 'SE' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    const errors = validateNewTenant({ slug: 'Nässjö', officialNumber: '682', name: '', country: 'SE' });
    expect(errors.map((e) => e.field)).toEqual(['slug', 'officialNumber', 'name']);
  });

  it('refuses slugs that collide with installation routes', () => {
    expect(validateNewTenant({ slug: 'session', officialNumber: '5532', name: 'X', country: 'NO' }).map((e) => e.code)).toEqual(['reserved']);
  });

  it('checks the county part of the number', () => {
    expect(validateNewTenant({ slug: 'x-se', officialNumber: '2699', name: 'X', country: 'SE' }).map((e) => e.code)).toEqual(['invalidCounty']);
    expect(validateNewTenant({ slug: 'x-no', officialNumber: '0101', name: 'X', country: 'NO' }).map((e) => e.code)).toEqual(['invalidCounty']);
  });
});
