// Prints how far stack-lint's Dockerfile rules agree with hadolint on the
// cases in test/hadolint-parity/cases.yaml: per DL code, the cases that concern
// it and those where both report the same; then every disagreement.
//
//   npm run hadolint-parity [-- --quiet]
//
// The TypeScript sources are bundled on the fly (the packages with .wasm stay
// outside the bundle and find their files in node_modules).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'node_modules', '.cache', 'stack-lint');
mkdirSync(outdir, { recursive: true });
const outfile = path.join(outdir, 'hadolint-parity.mjs');
await build({
  entryPoints: [path.join(root, 'test/hadolint-parity/parity.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(root, 'test/hadolint-parity/parity.ts')).href) },
  logLevel: 'warning',
});
const { readCases, runParity, formatParity } = await import(pathToFileURL(outfile).href);

const result = await runParity(readCases());
console.log(formatParity(result));
if (!process.argv.includes('--quiet') && result.disagreements.length) {
  console.log(`\n${result.disagreements.length} disagreement(s):`);
  for (const d of result.disagreements) {
    console.log(`\n#${d.index} ${d.code}: hadolint ${d.expected ? 'reports it' : 'does not'}, stack-lint ${d.expected ? 'does not' : 'does'}`);
    console.log(d.dockerfile.replace(/^/gm, '    ').trimEnd());
  }
}
