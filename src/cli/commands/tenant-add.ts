// SPDX-License-Identifier: EUPL-1.2
import { addMunicipality } from '../../tenants/service.ts';
import type { Country, Language } from '../../tenants/tenant.ts';
import { languages } from '../../platform/http/auth.ts';
import { text, type ContextCommand } from '../command.ts';

export const tenantAdd: ContextCommand = {
  kind: 'context',
  name: 'tenant add',
  summary: 'Add a municipality to this installation, with its archive set up',
  remote: true,
  options: {
    slug: { type: 'string', required: true, value: 'slug', description: 'Short name in URLs: a–z, digits and hyphens, e.g. nassjo' },
    number: { type: 'string', required: true, value: 'official number', description: 'Kommunenummer (NO) or kommunkod (SE), four digits' },
    name: { type: 'string', required: true, value: 'name', description: 'The name, e.g. "Nässjö kommun"' },
    country: { type: 'string', required: true, value: 'NO|SE', description: 'Country', choices: ['NO', 'SE'], normalise: (v) => v.toUpperCase() },
    language: { type: 'string', value: 'language', description: 'Default language of its pages (default nb for NO, sv for SE)', choices: [...languages], normalise: (v) => v.toLowerCase() },
  },
  fieldFlags: { officialNumber: 'number' },
  examples: ['radhus tenant add --slug balsfjord --number 5532 --name "Balsfjord kommune" --country NO'],
  async run({ ctx, values, io }) {
    const language = text(values, 'language');
    const tenant = await addMunicipality(ctx, {
      slug: text(values, 'slug'),
      officialNumber: text(values, 'number'),
      name: text(values, 'name'),
      country: text(values, 'country') as Country,
      ...(language ? { language: language as Language } : {}),
    });
    io.out(`Added ${tenant.name} (${tenant.country} ${tenant.officialNumber}) as "${tenant.slug}", language ${tenant.language}, with its archive set up.`);
    io.out(`Next: radhus token create --tenant ${tenant.slug} --role system`);
    return 0;
  },
};
