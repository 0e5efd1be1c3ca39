// Bundles the CLI into dist/ so start-up does not resolve hundreds of modules,
// and copies the bash grammar's .wasm beside it (the only part of
// tree-sitter-bash needed at run time).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
    cli: path.join(root, 'src/cli.ts'),
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

// Type declarations of the public API (src/index.ts, src/testing.ts), for pack authors.
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

const require = createRequire(import.meta.url);
const grammar = require.resolve('tree-sitter-bash/tree-sitter-bash.wasm', { paths: [root] });
copyFileSync(grammar, path.join(dist, 'tree-sitter-bash.wasm'));
// The bin needs its shebang as the very first line.
const cli = path.join(dist, 'cli.js');
const body = readFileSync(cli, 'utf8');
const { writeFileSync, chmodSync } = await import('node:fs');
writeFileSync(cli, `#!/usr/bin/env node\n${body}`);
chmodSync(cli, 0o755);
