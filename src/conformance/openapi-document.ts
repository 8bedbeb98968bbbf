// SPDX-License-Identifier: EUPL-1.2
// The OpenAPI document as the running application serves it, for docs/openapi.json and its test.
import { fileURLToPath } from 'node:url';
import { createTestRadhus } from '../test-support/app.ts';

export const committedOpenApiPath = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));

/** The document served at /api/openapi.json by a fresh installation, formatted as committed. */
export async function generateOpenApi(): Promise<string> {
  const radhus = await createTestRadhus();
  try {
    const res = await radhus.app.inject({ method: 'GET', url: '/api/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}`);
    return formatOpenApi(res.json());
  } finally {
    await radhus.close();
  }
}

export const formatOpenApi = (doc: unknown): string => `${JSON.stringify(doc, null, 2)}\n`;
