// Prints how far stack-lint's Dockerfile rules agree with hadolint on the
// cases in test/hadolint-parity/cases.yaml: per DL code, the cases that concern
// it and those where both report the same; then every disagreement.
//
//   npm run hadolint-parity [-- --quiet]
//
// The TypeScript sources are bundled on the fly (the packages with .wasm stay
// outside the bundle and find their files in node_modules).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importBundled, root } from './bundle-source.mjs';

const entry = 'test/hadolint-parity/parity.ts';
const { module } = await importBundled(entry, 'stack-lint/hadolint-parity.mjs', {
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(root, entry)).href) },
});
const { readCases, runParity, formatParity } = module;

const result = await runParity(readCases());
console.log(formatParity(result));
if (!process.argv.includes('--quiet') && result.disagreements.length) {
  console.log(`\n${result.disagreements.length} disagreement(s):`);
  for (const d of result.disagreements) {
    console.log(`\n#${d.index} ${d.code}: hadolint ${d.expected ? 'reports it' : 'does not'}, stack-lint ${d.expected ? 'does not' : 'does'}`);
    console.log(d.dockerfile.replace(/^/gm, '    ').trimEnd());
  }
}
