// Bundles the CLI into dist/ so start-up does not resolve hundreds of modules,
// and copies the bash grammar's .wasm beside it (the only part of
// tree-sitter-bash needed at run time).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// The compose schema validator, compiled ahead of time with ajv's standalone
// code (compiling the schema at run time costs a few hundred milliseconds).
// It replaces src/parse/compose/schema/compile.ts in the bundle.
const schemaGenerator = path.join(dist, '.compose-schema-generator.mjs');
await build({
  entryPoints: [path.join(root, 'src/parse/compose/schema/standalone.ts')],
  outfile: schemaGenerator,
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  logLevel: 'warning',
});
const { standaloneValidatorModule } = await import(pathToFileURL(schemaGenerator).href);
const composeValidatorCode = standaloneValidatorModule();
rmSync(schemaGenerator);
const composeSchemaAheadOfTime = {
  name: 'compose-schema-ahead-of-time',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]parse[\\/]compose[\\/]schema[\\/]compile\.ts$/ }, () => ({
      contents: composeValidatorCode,
      loader: 'js',
      resolveDir: path.join(root, 'src/parse/compose/schema'),
    }));
  },
};

await build({
  plugins: [composeSchemaAheadOfTime],
  entryPoints: {
    index: path.join(root, 'src/index.ts'),
    testing: path.join(root, 'src/testing.ts'),
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  // These find their own .wasm next to their own files.
  // cosmiconfig's TypeScript loader: never used (no .ts search place), never bundled.
  external: ['web-tree-sitter', 'sh-syntax', 'typescript'],
  define: { STACK_LINT_VERSION: JSON.stringify(pkg.version) },
  banner: {
    js: "import { createRequire as __stackLintRequire } from 'node:module'; const require = __stackLintRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The command line: one CommonJS script, so that dist/cli.js can run it through
// V8's code cache (src/cli/loader.ts; Node 20 has no compile cache for
// ES modules). Its dynamic imports of outside modules go through the loader.
const dynamicImportHook = {
  name: 'dynamic-import-hook',
  setup(b) {
    // web-tree-sitter and sh-syntax stay outside the bundle: required (their CommonJS builds), not imported.
    b.onResolve({ filter: /^(web-tree-sitter|sh-syntax)$/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'require-external' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'require-external' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js', resolveDir: root }));
    // Rule packs, formatters and JS config files are imported through globalThis.__stackLintImport.
    b.onLoad({ filter: /([\\/]src[\\/]engine[\\/]packs\.ts|[\\/]src[\\/]report[\\/]index\.ts|[\\/]cosmiconfig[\\/]dist[\\/]loaders\.js)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      return { contents: text.replace(/\bawait import\(/g, 'await globalThis.__stackLintImport('), loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};
await build({
  plugins: [composeSchemaAheadOfTime, dynamicImportHook],
  stdin: {
    contents: [
      "import { main } from './src/cli/main.ts';",
      "import { lintStack } from './src/engine/lint.ts';",
      "import { workerContext } from './src/runner/run.ts';",
      "import { serveStacks, setWorkerEntry } from './src/engine/workers.ts';",
      '/** The command line; `workerEntry` is the loader, which worker threads of large runs start again. */',
      'export function start(argv: string[], workerEntry: string): Promise<number> {',
      '  setWorkerEntry(workerEntry);',
      '  return main(argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });',
      '}',
      '/** A worker thread: lints the stacks the main thread sends. */',
      'export function worker(): Promise<void> {',
      '  return serveStacks(workerContext, lintStack);',
      '}',
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'cli-bundle.ts',
    loader: 'ts',
  },
  outfile: path.join(dist, 'cli.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  // The language server's libraries are required only by `stack-lint lsp`.
  external: ['web-tree-sitter', 'sh-syntax', 'typescript', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument'],
  define: { STACK_LINT_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__stackLintModuleUrl' },
  banner: { js: "const __stackLintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
// esbuild escapes non-ASCII in strings but leaves it in comments and regular
// expression literals; a single such character makes V8 hold the whole bundle
// as a two-byte string (twice the memory, in every thread). \uXXXX means the
// same in all of those places (the bundle has no String.raw of non-ASCII text).
const asciiBundle = readFileSync(path.join(dist, 'cli.cjs'), 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(path.join(dist, 'cli.cjs'), asciiBundle);
const cliBundle = readFileSync(path.join(dist, 'cli.cjs'), 'utf8');
// Any `import(` left would fail when the code comes from the cache (see the loader).
const leftover = [...cliBundle.matchAll(/[^\w$.]import\(/g)].map((m) => cliBundle.slice(Math.max(0, m.index - 60), m.index + 40));
if (leftover.length) throw new Error(`dist/cli.cjs still has dynamic imports:\n${leftover.join('\n')}`);
const { createHash } = await import('node:crypto');
await build({
  entryPoints: [path.join(root, 'src/cli/loader.ts')],
  outfile: path.join(dist, 'cli.js'),
  banner: { js: '#!/usr/bin/env node' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: {
    STACK_LINT_VERSION: JSON.stringify(pkg.version),
    STACK_LINT_BUNDLE_HASH: JSON.stringify(createHash('sha256').update(cliBundle).digest('hex').slice(0, 16)),
  },
  logLevel: 'warning',
});

// Type declarations of the public API (src/index.ts, src/testing.ts), for pack authors.
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

const require = createRequire(import.meta.url);
const grammar = require.resolve('tree-sitter-bash/tree-sitter-bash.wasm', { paths: [root] });
copyFileSync(grammar, path.join(dist, 'tree-sitter-bash.wasm'));
// The bin is executable (its shebang comes from the loader build's banner).
const { chmodSync } = await import('node:fs');
chmodSync(path.join(dist, 'cli.js'), 0o755);
