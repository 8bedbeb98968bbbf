// SPDX-License-Identifier: EUPL-1.2
// `npm run openapi`: writes the API description to docs/openapi.json, where reviewers see changes
// to the contract in the diff; a test fails while the committed copy is out of date.
import { writeFile } from 'node:fs/promises';
import { committedOpenApiPath, generateOpenApi } from '../src/conformance/openapi-document.ts';

const text = await generateOpenApi();
await writeFile(committedOpenApiPath, text);
console.log(`wrote ${committedOpenApiPath} (${Object.keys(JSON.parse(text).paths).length} paths)`);
