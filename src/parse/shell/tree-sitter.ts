/**
 * Lazy, once-per-process initialisation of web-tree-sitter and the bash
 * grammar. web-tree-sitter stays an external runtime dependency and finds its
 * own `tree-sitter.wasm`; the grammar's wasm is looked for next to this module
 * (the build copies it next to the bundled CLI in `dist/`), then in the
 * `tree-sitter-bash` package.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { TreeSitterShellParser } from './document.js';
import { rawCursorBinding, setRawCursorBinding } from './tree.js';
import type { ShellParser } from './types.js';

let parserPromise: Promise<ShellParser> | undefined;
const BINDING = Symbol.for('stack-lint.tree-sitter-binding');
let parserInstance: ShellParser | undefined;

/** The shell parser; initialised on the first call, the same instance afterwards. */
export function getShellParser(): Promise<ShellParser> {
  parserPromise ??= init().then(
    (p) => (parserInstance = p),
    (err: unknown) => {
      parserPromise = undefined; // let a later call try again
      throw err;
    },
  );
  return parserPromise;
}

/** The shell parser if `getShellParser()` has already finished initialising it. */
export function getShellParserSync(): ShellParser | undefined {
  return parserInstance;
}

async function init(): Promise<ShellParser> {
  // V8 optimises the 1.3 MB grammar in background threads and makes the process
  // wait for them at exit: ~0.5 s on every short run (a pre-commit hook). The
  // baseline compiler alone parses ~30% slower in long runs but starts at once.
  // Measured: one script, 0.97 s → 0.16 s wall; 500 parses of a 380-line
  // script, 1.15 s → 1.53 s.
  if (process.env.STACK_LINT_WASM_TIERING !== '1') setFlagsFromString('--liftoff-only');
  const { Parser, Language } = await import('web-tree-sitter');
  // The object given to the first init becomes the module and receives its
  // exports: the fast tree walk calls them (see tree.ts). It is kept on the
  // Parser class, for a later init in the same process (fresh copies of our
  // modules, as in tests) that shares this copy of web-tree-sitter.
  const held = Parser as unknown as Record<symbol, Record<string, unknown> | undefined>;
  const binding: Record<string, unknown> = held[BINDING] ?? {};
  await Parser.init(binding);
  if (typeof binding._ts_init === 'function') held[BINDING] = binding;
  setRawCursorBinding(process.env.STACK_LINT_TS_RAW === '0' ? undefined : rawCursorBinding(binding));
  const grammar = await readFile(findGrammarWasm());
  const language = await Language.load(new Uint8Array(grammar.buffer, grammar.byteOffset, grammar.byteLength));
  const parser = new Parser();
  parser.setLanguage(language);
  return new TreeSitterShellParser(parser);
}

/** Path of `tree-sitter-bash.wasm`. */
export function findGrammarWasm(): string {
  const tried: string[] = [];
  const local = fileURLToPath(new URL('./tree-sitter-bash.wasm', import.meta.url));
  if (existsSync(local)) return local;
  tried.push(local);
  const require = createRequire(import.meta.url);
  // tree-sitter-bash has no `exports` map, so the subpath resolves directly;
  // fall back to its package.json in case a later version adds one.
  for (const resolveIt of [
    () => require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'),
    () => join(dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm'),
  ]) {
    try {
      const p = resolveIt();
      if (existsSync(p)) return p;
      tried.push(p);
    } catch {
      // not resolvable this way
    }
  }
  throw new Error(`tree-sitter-bash.wasm not found (looked in: ${tried.join(', ') || 'next to the module'})`);
}
