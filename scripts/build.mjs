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
    kit: path.join(root, 'rules/kit/index.ts'),
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
// The code of each kind of file is a part of its own (dist/part-<kind>.cjs), run by the loader on first use:
// a run on one compose file never reads or compiles the Dockerfile parser (dockerfile-ast) or the Dockerfile and
// shell rules. In the bundle, each module a part owns is a stand-in whose exports load the part when first read;
// the rules a part owns are there as their metadata (taken from the rules at build time), so that config,
// presets and reports know every rule, and their `check` loads the part. A part shares every module the bundle
// has (one instance of each: the kit, the parsers' memos) through `globalThis.__stackLintShared`.
const PARTS = {
  compose: { rules: { 'rules/compose/index.ts': 'composeRules' }, modules: [] },
  dockerfile: { rules: { 'rules/dockerfile/index.ts': 'dockerfileRules' }, modules: ['src/parse/dockerfile/document.ts'] },
  shell: { rules: { 'rules/shell/index.ts': 'shellRules' }, modules: [] },
};
const partOf = new Map();
for (const [part, p] of Object.entries(PARTS)) for (const file of [...Object.keys(p.rules), ...p.modules]) partOf.set(file, part);
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

// The rules' metadata (JSON: checked here) and each stand-in module's export names.
const metaGenerator = path.join(dist, '.rule-meta-generator.mjs');
const ruleLists = Object.values(PARTS).flatMap((p) => Object.entries(p.rules));
const moduleFiles = Object.values(PARTS).flatMap((p) => p.modules);
const metaBuild = await build({
  stdin: {
    contents: [
      ...ruleLists.map(([file, name]) => `export { ${name} } from './${file}';`),
      ...moduleFiles.map((file, i) => `export * as m${i} from './${file}';`),
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  outfile: metaGenerator,
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  plugins: [composeSchemaAheadOfTime],
  define: { STACK_LINT_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
const generated = await import(pathToFileURL(metaGenerator).href);
rmSync(metaGenerator);
const standIns = new Map();
for (const [part, p] of Object.entries(PARTS)) {
  const load = `const load = () => globalThis.__stackLintPart(${JSON.stringify(part)});`;
  for (const [file, name] of Object.entries(p.rules)) {
    const metas = generated[name].map((r) => r.meta);
    const json = JSON.stringify(metas);
    if (JSON.stringify(JSON.parse(json)) !== json || metas.some((m, i) => JSON.stringify(m) !== JSON.stringify(generated[name][i].meta))) throw new Error(`${file}: rule metadata is not plain JSON`);
    standIns.set(file, `${load}\nexport const ${name} = ${json}.map((meta, i) => ({ meta, get check() { return load().${name}[i].check; }, get parts() { return load().${name}[i].parts; } }));\n`);
  }
  for (const file of p.modules) {
    const ns = generated[`m${moduleFiles.indexOf(file)}`];
    const names = Object.keys(ns);
    if (names.some((n) => typeof ns[n] !== 'function')) throw new Error(`${file}: a part's module may export only functions`);
    standIns.set(file, `${load}\n${names.map((n) => `export function ${n}(...args) { return load().${n}(...args); }\n`).join('')}`);
  }
}
const partStandIns = {
  name: 'part-stand-ins',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const contents = standIns.get(rel(args.path));
      return contents === undefined ? undefined : { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

const cliOptions = {
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
};
/** The bundle; `shared`: the modules parts take from it. */
const buildBundle = (shared, write) =>
  build({
    ...cliOptions,
    plugins: [composeSchemaAheadOfTime, dynamicImportHook, partStandIns],
    stdin: {
      contents: [
        "import { main } from './src/cli/main.ts';",
        "import { lintStack } from './src/engine/lint.ts';",
        "import { workerContext } from './src/runner/run.ts';",
        "import { serveStacks, setWorkerEntry } from './src/engine/workers.ts';",
        '/** The modules the parts share with the bundle, each required on first use. */',
        // An ES module as its namespace object, a CommonJS one as its exports.
        ...shared.map((f, i) => (esm(f) ? `import * as shared${i} from ${JSON.stringify(`./${f}`)};` : '')),
        `(globalThis as { __stackLintShared?: unknown }).__stackLintShared = {${shared.map((f, i) => `\n  ${JSON.stringify(f)}: () => ${esm(f) ? `shared${i}` : `require(${JSON.stringify(`./${f}`)})`},`).join('')}\n};`,
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
    write,
    metafile: true,
  });
// What the bundle holds, then each part with everything else taken from it, then the bundle with what they take.
const bundleMeta = (await buildBundle([], false)).metafile.inputs;
const inBundle = new Set(Object.keys(bundleMeta));
const esm = (file) => bundleMeta[file]?.format === 'esm';
// The export names of each ES module a part may take from the bundle: the part binds them once, by name
// (taking a namespace as CommonJS exports would copy every export again for each module that imports it).
const exportNames = new Map();
async function namesOf(file) {
  if (!exportNames.has(file)) {
    const r = await build({
      entryPoints: [path.join(root, file)],
      outdir: path.join(dist, '.exports'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      write: false,
      metafile: true,
      plugins: [composeSchemaAheadOfTime],
      logLevel: 'error',
    });
    exportNames.set(file, Object.values(r.metafile.outputs).find((o) => o.entryPoint)?.exports ?? []);
  }
  return exportNames.get(file);
}
const shared = new Set();
const partInputs = {};
for (const [part, p] of Object.entries(PARTS)) {
  const takeFromBundle = {
    name: 'take-from-bundle',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.own || args.kind === 'entry-point') return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { own: true } });
        if (r.errors.length || r.external || !r.path || r.namespace !== 'file') return undefined;
        const file = rel(r.path);
        if (!inBundle.has(file) || partOf.has(file)) return undefined;
        shared.add(file);
        return { path: file, namespace: 'bundle' };
      });
      b.onLoad({ filter: /.*/, namespace: 'bundle' }, async (args) => {
        const take = `globalThis.__stackLintShared[${JSON.stringify(args.path)}]()`;
        if (!esm(args.path)) return { contents: `module.exports = ${take};`, loader: 'js' };
        const names = await namesOf(args.path);
        const named = names.filter((n) => n !== 'default');
        return { contents: `const m = ${take};\nexport const { ${named.join(', ')} } = m;\n${names.includes('default') ? 'export default m.default;\n' : ''}`, loader: 'js' };
      });
    },
  };
  const r = await build({
    ...cliOptions,
    plugins: [dynamicImportHook, takeFromBundle, composeSchemaAheadOfTime],
    stdin: {
      contents: [...Object.entries(p.rules).map(([file, name]) => `export { ${name} } from './${file}';`), ...p.modules.map((file) => `export * from './${file}';`)].join('\n'),
      resolveDir: root,
      sourcefile: `part-${part}.ts`,
      loader: 'ts',
    },
    outfile: path.join(dist, `part-${part}.cjs`),
    metafile: true,
  });
  partInputs[part] = Object.keys(r.metafile.inputs).filter((f) => !f.startsWith('bundle:'));
}
// A module in two parts would have two instances (two memos, two classes): it belongs in the bundle.
for (const [a, inA] of Object.entries(partInputs)) {
  for (const [b, inB] of Object.entries(partInputs)) {
    const both = a < b ? inA.filter((f) => inB.includes(f) && !f.startsWith('<stdin>')) : [];
    if (both.length) throw new Error(`parts ${a} and ${b} both hold ${both.join(', ')}`);
  }
}
const bundleInputs = Object.keys((await buildBundle([...shared].sort(), true)).metafile.inputs);
const heldByBundle = bundleInputs.filter((f) => partInputs.dockerfile.includes(f) || partInputs.shell.includes(f) || partInputs.compose.includes(f));
if (heldByBundle.some((f) => !partOf.has(f) && !f.startsWith('<stdin>'))) throw new Error(`the bundle holds part modules: ${heldByBundle.join(', ')}`);
// esbuild escapes non-ASCII in strings but leaves it in comments and regular
// expression literals; a single such character makes V8 hold the whole bundle
// as a two-byte string (twice the memory, in every thread). \uXXXX means the
// same in all of those places (the bundle has no String.raw of non-ASCII text).
const { createHash } = await import('node:crypto');
const hashes = {};
for (const name of ['cli', ...Object.keys(PARTS).map((part) => `part-${part}`)]) {
  const file = path.join(dist, `${name}.cjs`);
  const text = readFileSync(file, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, text);
  // Any `import(` left would fail when the code comes from the cache (see the loader).
  const leftover = [...text.matchAll(/[^\w$.]import\(/g)].map((m) => text.slice(Math.max(0, m.index - 60), m.index + 40));
  if (leftover.length) throw new Error(`dist/${name}.cjs still has dynamic imports:\n${leftover.join('\n')}`);
  hashes[name] = createHash('sha256').update(text).digest('hex').slice(0, 16);
}
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
    STACK_LINT_BUNDLE_HASH: JSON.stringify(hashes.cli),
    STACK_LINT_PART_HASHES: JSON.stringify(Object.fromEntries(Object.keys(PARTS).map((part) => [part, hashes[`part-${part}`]]))),
  },
  logLevel: 'warning',
});

// Type declarations of the public API (src/index.ts, rules/kit/index.ts, src/testing.ts), for pack authors.
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
