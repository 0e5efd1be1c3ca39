/**
 * The data path as an import graph: each folder imports only folders below it
 * in `LAYERS`, built-in rules reach the tool only through the rule kit, and no
 * module imports itself through others. See docs/architecture.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/lint.js';
import { FILE_KIND_NAMES } from '../src/kinds/index.js';

/** Bottom first. A module may import its own layer and the layers before it. */
const LAYERS = [
  'src/core', // the vocabulary: findings, locations, rule metadata, results
  'src/parse', // text to documents: YAML, Dockerfile, shell
  'src/kinds', // file kinds as plug-ins, a folder each: classify, parse, lint entry, comments, context fields; below discover, which classifies by them, and built only on core and parse so every stage that handles files can read the one table
  'src/discover', // paths and globs to files of a kind
  'src/config', // config files, presets, peers' configs
  'src/stack', // the project model: compose layers, env files, build contexts, evidence
  'rules/kit', // the rule API and the helpers rules share (`stack-lint/kit`)
  'rules', // the built-in rules, one file each
  'src/engine', // the lint loop: plans stacks, runs rules, suppressions, workers, cache
  'src/fix', // the fix loop and atomic writes
  'src/report', // formatters
  'src/runner', // the composition root: puts the stages together for one run
  'src/lsp', // the language server
  'src/cli', // the command line
  'src/index.ts', // the package's entry points
  'src/testing.ts',
  'src/cli.ts',
] as const;

/** Who may import the built-in rules (the pack itself): the composition root and the entry points. */
const BUILTIN_RULE_USERS = ['src/runner', 'src/index.ts', 'src/testing.ts'];

interface Edge {
  from: string;
  to: string;
}

function layerOf(file: string): string {
  const match = [...LAYERS].filter((l) => file === l || file.startsWith(`${l}/`)).sort((a, b) => b.length - a.length)[0];
  if (!match) throw new Error(`${file} belongs to no layer: add its folder to LAYERS`);
  return match;
}

function importGraph(): Edge[] {
  const files = fg.sync(['src/**/*.ts', 'rules/**/*.ts'], { cwd: ROOT }).sort();
  const edges: Edge[] = [];
  for (const from of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, from), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), fileName));
      if (!resolved.startsWith('src/') && !resolved.startsWith('rules/')) continue;
      edges.push({ from, to: resolved.replace(/\.js$/, '.ts') });
    }
  }
  return edges;
}

/** Strongly connected groups of more than one module (Tarjan). */
function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('architecture', () => {
  const edges = importGraph();
  const rank = (file: string) => LAYERS.indexOf(layerOf(file) as (typeof LAYERS)[number]);

  it('reads the graph (a guard against a silently empty check)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => e.from === 'rules/kit/index.ts' && e.to.startsWith('src/parse/'))).toBe(true);
  });

  it('has no upward import: each folder imports only its own layer and those below it', () => {
    const upward = edges.filter((e) => rank(e.to) > rank(e.from)).map((e) => `${e.from} -> ${e.to}`);
    expect(upward).toEqual([]);
  });

  it('built-in rules import only the rule kit (what a pack can import), and only the composition root imports them', () => {
    const isRule = (f: string) => layerOf(f) === 'rules';
    const ruleImports = edges.filter((e) => isRule(e.from) && !isRule(e.to) && layerOf(e.to) !== 'rules/kit').map((e) => `${e.from} -> ${e.to}`);
    expect(ruleImports).toEqual([]);
    const kitImports = edges.filter((e) => isRule(e.from) && layerOf(e.to) === 'rules/kit' && e.to !== 'rules/kit/index.ts').map((e) => `${e.from} -> ${e.to}`);
    expect(kitImports).toEqual([]);
    const users = edges.filter((e) => isRule(e.to) && !isRule(e.from) && !BUILTIN_RULE_USERS.includes(layerOf(e.from))).map((e) => `${e.from} -> ${e.to}`);
    expect(users).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    expect(cycles(edges)).toEqual([]);
  });
});

/**
 * A kind and its properties are declared in its folder under src/kinds/ (its
 * comments, its peer linter, whether planning reads it, its example name);
 * the stages that handle files of any kind read them there. What remains
 * outside names a kind for what that kind means to the stack (compose
 * projects, scripts that source each other, the ShellCheck bridge), not to
 * declare one. `FileKind` in src/core/source.ts is the one other place a name
 * is written (core is below src/kinds; src/kinds/index.ts checks the two agree).
 */
describe('file kinds are declared in src/kinds only', () => {
  const sources = fg.sync(['src/**/*.ts'], { cwd: ROOT }).sort().filter((f) => !f.startsWith('src/kinds/') && f !== 'src/core/source.ts');
  const text = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');

  it('no other module lists the kinds’ names', () => {
    const quoted = FILE_KIND_NAMES.map((k) => `'${k}'`);
    const lists = sources.flatMap((f) =>
      text(f)
        .split('\n')
        .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
        .filter(({ line }) => quoted.every((q) => line.includes(q)))
        .map(({ at }) => at),
    );
    expect(lists).toEqual([]);
  });

  it('the stages that handle files of any kind (discover, config, fix, report, suppressions, the language server) ask the kind, never compare its name', () => {
    const generic = sources.filter((f) => /^src\/(discover|config|fix|report|lsp)\//.test(f) || f === 'src/engine/suppressions.ts' || f === 'src/engine/kinds.ts');
    expect(generic.length).toBeGreaterThan(20);
    const byName = new RegExp(`kind\\s*[!=]==?\\s*'(?:${FILE_KIND_NAMES.join('|')})'`);
    expect(generic.filter((f) => byName.test(text(f)))).toEqual([]);
  });
});
