// Bundles one TypeScript entry of the repository with esbuild and imports it,
// so that a script runs the sources as they are, without a build. Packages
// stay outside the bundle (their .wasm files are found in node_modules), and
// the bundle is written under node_modules/.cache, where those packages resolve.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {string} entry the entry, relative to the repository
 * @param {string} outfile the bundle's file, relative to node_modules/.cache
 * @param {import('esbuild').BuildOptions} [extra] options of this entry (a banner, defines)
 */
export async function importBundled(entry, outfile, extra = {}) {
  const out = path.join(root, 'node_modules/.cache', outfile);
  mkdirSync(path.dirname(out), { recursive: true });
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    ...extra,
  });
  return { file: out, module: await import(pathToFileURL(out).href) };
}
