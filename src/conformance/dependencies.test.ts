// SPDX-License-Identifier: EUPL-1.2
// The house rule on dependencies, checked on every import of every .ts/.tsx file in src/ and
// web/src/: common is pure; platform knows only common; a capability uses another only through its
// service.ts (or a pure file named below); the web UI shares only src/common with the server; no
// cycles between capabilities. Imports are read with TypeScript's own pre-processor, so dynamic
// `import()` and `export … from` count too.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { dependencyProblems, importCycles, type Import } from './dependencies.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => ({ from: file, to: relative(root, resolve(root, dirname(file), spec)) }));
}

const imports = [...sourceFiles('src'), ...sourceFiles('web/src')].flatMap(importsOf);

describe('dependencies between our folders', () => {
  it('finds the imports at all (the parser is not silently reading nothing)', () => {
    expect(imports.length).toBeGreaterThan(300);
    expect(imports).toContainEqual({ from: 'src/archive/correspondents.ts', to: 'src/common/idnumbers.ts' });
  });

  it('every import follows the rules', () => {
    expect(dependencyProblems(imports)).toEqual([]);
  });

  it('capability folders import each other without cycles', () => {
    expect(importCycles(imports)).toEqual([]);
  });

  it('the rules catch what they promise to catch', () => {
    const broken: Import[] = [
      { from: 'src/common/roles.ts', to: 'src/platform/ids.ts' },
      { from: 'src/platform/http/app.ts', to: 'src/tenants/service.ts' },
      { from: 'src/archive/queries.ts', to: 'src/identity/users.ts' },
      { from: 'web/src/api/types.ts', to: 'src/archive/schemas.ts' },
      // Web code may not load the server's demo data; only a web test may.
      { from: 'web/src/eservices/layout.ts', to: 'src/forms/demo-forms.ts' },
    ];
    expect(dependencyProblems(broken)).toHaveLength(5);
    expect(dependencyProblems([{ from: 'web/src/eservices/layout.test.ts', to: 'src/forms/demo-forms.ts' }])).toEqual([]);
    expect(dependencyProblems([{ from: 'src/archive/queries.ts', to: 'src/identity/service.ts' }])).toEqual([]);
    expect(
      importCycles([
        { from: 'src/archive/a.ts', to: 'src/identity/service.ts' },
        { from: 'src/identity/b.ts', to: 'src/archive/service.ts' },
      ]),
    ).toEqual([['archive', 'identity']]);
  });
});
