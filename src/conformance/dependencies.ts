// SPDX-License-Identifier: EUPL-1.2
// The dependency rules as pure functions over (importing file, imported file) pairs, paths relative
// to the repository root. dependencies.test.ts feeds them every import of the code base; keeping the
// rules here lets the test also prove that each rule catches a broken import.
export interface Import {
  from: string;
  to: string;
}

/** Folders of src/ that are not capabilities: the shared layers and the test harness. */
const layers = new Set(['common', 'platform']);
const testFolders = new Set(['test-support', 'conformance', 'durability']);

/**
 * Files of one capability that another may import besides its service.ts, each with why. Pure
 * shapes only: the tenant's type is what every module's per-tenant code is handed.
 */
export const sharedFiles: Record<string, string> = {
  'src/tenants/tenant.ts': 'the Tenant type and its pure validation, handed to every module',
  'src/council/tables.ts': "the council schema's row types (issue 10), shared by council, its public pages and OParl",
  // Participation (issue 11): the row types of 0028, read by the participation pages from the public projection.
  'src/proposals/tables.ts': "the citizen proposals' row types (issue 11), shared by proposals and the participation pages",
  'src/consultations/tables.ts': "the consultations' row types (issue 11), shared by consultations and the participation pages",
  'src/questions/tables.ts': "the questions' row types (issue 11), shared by questions and the participation pages",
};

const isTest = (file: string): boolean => /\.test\.tsx?$/.test(file) || testFolders.has(file.split('/')[1] ?? '');

/** The capability folder of a file under src/, or undefined for layers, test folders and root files. */
export function capabilityOf(file: string): string | undefined {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return undefined;
  const folder = parts[1]!;
  return layers.has(folder) || testFolders.has(folder) ? undefined : folder;
}

const under = (file: string, folder: string): boolean => file.startsWith(`${folder}/`);
const ours = (file: string): boolean => under(file, 'src') || under(file, 'web');

function problemOf({ from, to }: Import): string | undefined {
  if (!ours(to)) return undefined;
  if (under(from, 'src/common') && !under(to, 'src/common')) return 'src/common is pure: it imports only src/common';
  // A web test may load the demo data the server ships (e.g. the demo forms the UI must render);
  // the web code itself, which goes into the bundle, may not.
  const demoData = /^src\/[^/]+\/demo[^/]*\.ts$/.test(to) && isTest(from);
  if (under(from, 'web/src') && !under(to, 'web/src') && !under(to, 'src/common') && !demoData) return 'the web UI shares only src/common with the server';
  if (under(from, 'src/platform')) {
    // A platform test may build the whole app to test its plumbing in place; the code it tests may not.
    const allowed = under(to, 'src/platform') || under(to, 'src/common') || isTest(from);
    return allowed ? undefined : 'platform imports nothing of ours but src/common';
  }
  if (/^src\/[^/]+\/manifest\.ts$/.test(to) && from !== 'src/modules.ts' && !isTest(from) && capabilityOf(from) !== capabilityOf(to))
    return "a capability's manifest is imported only by src/modules.ts";
  const source = capabilityOf(from);
  const target = capabilityOf(to);
  if (!source || !target || source === target || isTest(from)) return undefined;
  if (to === `src/${target}/service.ts` || to in sharedFiles) return undefined;
  return `a capability uses another only through its service.ts (src/${target}/service.ts)`;
}

/** Every import that breaks a rule, as "from -> to: rule". */
export const dependencyProblems = (imports: readonly Import[]): string[] =>
  imports.flatMap((i) => {
    const problem = problemOf(i);
    return problem ? [`${i.from} -> ${i.to}: ${problem}`] : [];
  });

/**
 * Cycles between capability folders among the non-test files, each as its sorted folder names
 * (strongly connected components of more than one folder, or a folder importing itself is fine).
 */
export function importCycles(imports: readonly Import[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const a = capabilityOf(from);
    const b = capabilityOf(to);
    if (!a || !b || a === b || isTest(from)) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
  }
  // Tarjan's algorithm: every component of two or more folders holds a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return components.sort();
}
