/**
 * The evidence of a repository: every reader's findings over the files under
 * the scanned folders, read once per folder and process. Files are listed
 * with fast-glob (no symlinks followed, `node_modules` and `.git` skipped) and
 * read through the stack's resource reader (`readText`), which honours the
 * overlay of standard input and tests.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { readText } from '../resources.js';
import { bakeReader } from './bake.js';
import { githubWorkflowReader } from './github-workflow.js';
import { gitlabCiReader } from './gitlab-ci.js';
import { justfileReader } from './justfile.js';
import { makefileReader } from './makefile.js';
import { markdownReader } from './markdown.js';
import { packageJsonReader } from './package-json.js';
import { shellScriptReader } from './shell-script.js';
import { taskfileReader } from './taskfile.js';
import { invocationsIn } from './commands.js';
import { numberedLines } from './lines.js';
import type { EvidenceItem, EvidenceReader, SourceRun } from './types.js';

export type { BuildRun, ComposeRun, EvidenceAt, EvidenceItem, EvidenceReader, GeneratedFile } from './types.js';

/** The readers, one per kind of file. */
export const EVIDENCE_READERS: readonly EvidenceReader[] = [
  shellScriptReader,
  makefileReader,
  justfileReader,
  taskfileReader,
  packageJsonReader,
  githubWorkflowReader,
  gitlabCiReader,
  bakeReader,
  markdownReader,
];

export interface RepositoryEvidence {
  readonly items: readonly EvidenceItem[];
  /** Every YAML file under the scanned folders: what a `-f "$DIR/compose.yaml"` pattern may stand for. */
  readonly yamlFiles: readonly string[];
  /** The files read for evidence (their changes change the findings). */
  readonly read: readonly string[];
  /** The folders scanned. */
  readonly roots: readonly string[];
}

const IGNORED = ['**/node_modules/**', '**/.git/**'];
/** Deeper than this, files are not looked at for evidence. */
const MAX_DEPTH = 8;
const cache = new Map<string, RepositoryEvidence>();

export const NO_EVIDENCE: RepositoryEvidence = { items: [], yamlFiles: [], read: [], roots: [] };

/**
 * Evidence an earlier run collected (the `--cache` file's: see
 * src/engine/cache.ts): reused when the same files are listed under the same
 * folders and the files read are as they were, since readers look at nothing
 * else. `listed` names the listing (a hash of the folders and every path found).
 */
export interface EvidenceMemo {
  /** How a scanned folder is named in `listed`: relative to the run's folder, so that a checkout elsewhere hits. */
  name(root: string): string;
  reuse(listed: string): RepositoryEvidence | undefined;
  keep(listed: string, evidence: RepositoryEvidence): void;
}

/** The evidence under `roots` (absolute folders), with `overlay` texts standing in for files. */
export function collectEvidence(roots: readonly string[], options: { overlay?: ReadonlyMap<string, string>; memo?: EvidenceMemo } = {}): RepositoryEvidence {
  const key = [...roots].sort().join('\u0000');
  const hit = options.overlay ? undefined : cache.get(key);
  if (hit) return hit;
  const listings: string[][] = [];
  for (const root of roots) {
    const listed = fg.sync(['**/*.{yml,yaml}', ...EVIDENCE_READERS.flatMap((r) => r.globs)], {
      cwd: root,
      absolute: true,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: IGNORED,
      suppressErrors: true,
      deep: MAX_DEPTH,
    });
    for (const p of options.overlay?.keys() ?? []) if (p.startsWith(root + path.sep)) listed.push(p);
    listings.push(listed.sort());
  }
  const memo = options.overlay ? undefined : options.memo;
  const listedKey = memo ? listingKey(roots, listings, (r) => memo.name(r)) : '';
  const reused = memo?.reuse(listedKey);
  if (reused) {
    cache.set(key, reused);
    return reused;
  }
  const items: EvidenceItem[] = [];
  const sources: SourceRun[] = [];
  const texts = new Map<string, string>();
  const yamlFiles = new Set<string>();
  const read: string[] = [];
  const seen = new Set<string>();
  roots.forEach((root, i) => {
    for (const raw of listings[i]!) {
      const abs = path.normalize(raw);
      if (seen.has(abs)) continue;
      seen.add(abs);
      if (/\.ya?ml$/i.test(abs)) yamlFiles.add(abs);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const readers = EVIDENCE_READERS.filter((r) => matchers.get(r)!(rel));
      if (!readers.length) continue;
      const text = readText(abs, options.overlay);
      if (text === undefined) continue;
      read.push(abs);
      texts.set(abs, text);
      for (const reader of readers) for (const item of reader.read({ path: abs, text })) (item.kind === 'source' ? sources : items).push(item as never);
    }
  });
  items.push(...sourcedInvocations(sources, texts));
  const out = { items, yamlFiles: [...yamlFiles].sort(), read, roots: [...roots] };
  if (!options.overlay) cache.set(key, out);
  memo?.keep(listedKey, out);
  return out;
}

/** A hash of the folders scanned and every path listed under them (relative to its folder). */
function listingKey(roots: readonly string[], listings: readonly string[][], name: (root: string) => string): string {
  const hash = createHash('sha1');
  roots.forEach((root, i) => {
    hash.update(`${name(root)}\u0000`);
    for (const p of listings[i]!) hash.update(`${path.relative(root, p)}\u0000`);
    hash.update('\u0001');
  });
  return hash.digest('base64url');
}

/** Each reader's globs as one matcher. */
const matchers = new Map<EvidenceReader, (rel: string) => boolean>(EVIDENCE_READERS.map((r) => [r, picomatch([...r.globs], { dot: true })]));

/**
 * The commands of scripts other text `source`s, read in the sourcing shell: after
 * the lines before the `source` (their arrays, functions and variables), in its
 * folder. `source "$DIR/test.sh"` with `DIR` unknown reads every `* /test.sh`
 * read for evidence, with `DIR` set to the folder it was found in: a CI step's
 * `docker=(docker compose -f compose.yaml -f "$DIR/compose.yaml")` and the
 * script's `"${docker[@]}" -f "$DIR/extra.yaml" up` make one command.
 */
function sourcedInvocations(sources: readonly SourceRun[], texts: ReadonlyMap<string, string>): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  for (const src of sources) {
    const parts = src.path.split('*');
    const pattern = new RegExp(`^${parts.map((p) => p.replace(/[.+?^$()|[\]\\{}]/g, '\\$&')).join('(.*)')}$`);
    for (const [script, text] of texts) {
      if (!/\.(?:sh|bash)$/.test(script) || script === src.at.file) continue;
      const m = pattern.exec(script);
      if (!m) continue;
      const variables = new Map(src.options.variables ?? []);
      if (src.variable && parts.length === 2) variables.set(src.variable, path.relative(src.cwd, path.resolve(src.cwd, m[1]!.replace(/\/$/, ''))) || '.');
      const lines = [...src.prelude, ...numberedLines(text).map((l) => ({ ...l, file: script }))];
      const found = invocationsIn(lines, { file: script, cwd: src.cwd, variables, ...(src.options.exported ? { exported: true } : {}), ...(src.options.ci ? { ci: true } : {}), dialect: src.options.dialect });
      for (const item of found) if (item.kind !== 'source' && item.at.file === script) out.push(item);
    }
  }
  return out;
}
