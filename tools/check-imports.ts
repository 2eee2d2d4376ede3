// Enforces the dependency rules of docs/architecture.md that ESLint cannot express simply:
//  - packages depend inward only (web → core; server → core, db; cli → server, core, db; testkit → core, db; core → nothing);
//  - a server module imports another module only through its index.ts;
//  - a web feature never imports another feature;
//  - no import cycles between files (type-only imports are erased at run time and do not count);
//  - @renkou/testkit only from tests and src/testing/.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const allowedPackages: Record<string, string[]> = {
  core: [],
  db: [],
  testkit: ['core', 'db'],
  server: ['core', 'db'],
  cli: ['server', 'core', 'db'],
  web: ['core'],
};

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const importPattern =
  /(?:import|export)(\s+type)?\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const isTestSupport = (path: string) => /\.test\.tsx?$/.test(path) || path.includes('/src/testing/');
const problems: string[] = [];
const graph = new Map<string, string[]>();

for (const pkg of Object.keys(allowedPackages)) {
  const srcDir = join(root, 'packages', pkg, 'src');
  if (!existsSync(srcDir)) continue;
  for (const file of walk(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const rel = relative(root, file);
    const edges: string[] = [];
    for (const match of text.matchAll(importPattern)) {
      const typeOnly = match[1] !== undefined;
      const spec = match[2] ?? match[3] ?? '';
      if (spec.startsWith('@renkou/')) {
        const target = spec.slice('@renkou/'.length).split('/')[0] ?? '';
        const allowed =
          allowedPackages[pkg]?.includes(target) || (target === 'testkit' && isTestSupport(file));
        if (!allowed) problems.push(`${rel}: package ${pkg} may not import @renkou/${target}`);
        if (spec.split('/').length > 2)
          problems.push(`${rel}: import ${spec} reaches inside a package; use its index`);
        continue;
      }
      if (!spec.startsWith('.')) continue;
      const target = resolveRelative(file, spec);
      if (!target) continue;
      if (!typeOnly) edges.push(target);
      const fromParts = relative(srcDir, file).split('/');
      const toParts = relative(srcDir, target).split('/');
      if (
        pkg === 'server' &&
        fromParts[0] === 'modules' &&
        toParts[0] === 'modules' &&
        fromParts[1] !== toParts[1]
      ) {
        if (toParts.length !== 3 || toParts[2] !== 'index.ts')
          problems.push(
            `${rel}: module ${fromParts[1]} imports ${relative(root, target)}; use modules/${toParts[1]}/index.ts`,
          );
      }
      if (
        pkg === 'web' &&
        fromParts[0] === 'features' &&
        toParts[0] === 'features' &&
        fromParts[1] !== toParts[1]
      ) {
        problems.push(
          `${rel}: feature ${fromParts[1]} imports feature ${toParts[1]}; move shared code to src/components or src/lib`,
        );
      }
    }
    graph.set(file, edges);
  }
}

// Cycle detection (depth-first, colouring). Type-only imports count too: keep the graph acyclic.
const state = new Map<string, 'active' | 'done'>();
const stack: string[] = [];
function visit(node: string): void {
  state.set(node, 'active');
  stack.push(node);
  for (const next of graph.get(node) ?? []) {
    if (state.get(next) === 'active') {
      const cycle = stack
        .slice(stack.indexOf(next))
        .concat(next)
        .map((f) => relative(root, f));
      problems.push(`import cycle: ${cycle.join(' → ')}`);
    } else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(node, 'done');
}
for (const node of graph.keys()) if (!state.has(node)) visit(node);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`imports ok (${graph.size} files)`);
