/**
 * The mutation fuzzer: inputs made from the files of ../shared/corpus/ by
 * seeded mutations (./mutate.ts), linted in memory with every rule on
 * (./harness.ts). Input `i` of seed `s` is the same on every machine, so a
 * failure is replayed with `--seed s --start i --count 1`.
 *
 * A failure is an exception escaping the engine (crash), an internal-error
 * finding, or an input that takes more CPU time than the limit (hang).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { kindFromName, kindFromShebang } from '../../src/discover/classify.js';
import { fixInMemory, lintInMemory, type MemoryFiles } from './harness.js';
import { mutate, Random } from './mutate.js';

export interface CorpusFile {
  /** Path relative to the corpus folder. */
  rel: string;
  bytes: Buffer;
}

export interface Corpus {
  /** Files stack-lint lints (compose files, Dockerfiles, scripts): the ones mutated. */
  targets: CorpusFile[];
  /** Every file by folder, for the context of a target (its `.env`, `.dockerignore`, Dockerfiles…). */
  byFolder: Map<string, CorpusFile[]>;
}

/** Files above this size are left out of the corpus: a mutated copy would only be slow. */
const MAX_CORPUS_FILE = 256 * 1024;

export function loadCorpus(root: string): Corpus {
  const targets: CorpusFile[] = [];
  const byFolder = new Map<string, CorpusFile[]>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.git' || name === 'node_modules') continue;
      const abs = path.join(dir, name);
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs);
      else if (st.isFile() && st.size <= MAX_CORPUS_FILE) {
        const file = { rel: path.relative(root, abs).split(path.sep).join('/'), bytes: readFileSync(abs) };
        const folder = path.posix.dirname(file.rel);
        byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
        if (kindFromName(name) ?? kindFromShebang(file.bytes.subarray(0, 200).toString('utf8').split('\n', 1)[0] ?? '')) targets.push(file);
      }
    }
  };
  walk(root);
  if (!targets.length) throw new Error(`no compose files, Dockerfiles or scripts under ${root}`);
  return { targets, byFolder };
}

export interface FuzzInput {
  index: number;
  /** The mutated file (relative path) and the mutations applied. */
  target: string;
  steps: string[];
  files: MemoryFiles;
  /** Also run the fix loop on this input. */
  fix: boolean;
}

/** Decodes bytes as the reader does (invalid sequences become U+FFFD; a BOM is kept in the text). */
const decode = (b: Buffer) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

/** Input `index` of `seed`: a corpus file, mutated, with (sometimes) the other files of its folder. */
export function makeInput(corpus: Corpus, seed: number, index: number): FuzzInput {
  const r = new Random((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const target = r.pick(corpus.targets);
  const { bytes, steps } = mutate(target.bytes, r, () => r.pick(corpus.targets).bytes);
  const folder = path.posix.dirname(target.rel);
  const files: MemoryFiles = {};
  const withStack = r.chance(0.1);
  for (const f of corpus.byFolder.get(folder) ?? []) {
    if (f === target) continue;
    const lintable = kindFromName(path.posix.basename(f.rel)) !== undefined;
    if (!lintable || withStack) files[f.rel] = decode(f.bytes);
  }
  files[target.rel] = decode(bytes);
  return { index, target: target.rel, steps, files, fix: r.chance(0.05) };
}

export interface FuzzFailure {
  index: number;
  kind: 'crash' | 'internal-error' | 'hang';
  target: string;
  steps: string[];
  message: string;
}

/** Lints one input (and fixes it, when the input says so); the failures it shows. */
export async function checkInput(input: FuzzInput, limitMs: number): Promise<FuzzFailure[]> {
  const failures: FuzzFailure[] = [];
  const fail = (kind: FuzzFailure['kind'], message: string) => failures.push({ index: input.index, kind, target: input.target, steps: input.steps, message });
  // CPU time, not wall time: on a busy machine an input waits for a core far longer than it computes.
  const started = process.cpuUsage();
  try {
    const result = await lintInMemory(input.files);
    for (const d of result.diagnostics) if (d.internal) fail('internal-error', `${d.relPath}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}: ${d.message}`);
    if (input.fix) {
      const fixed = await fixInMemory(input.files);
      // The fixed texts must lint without an internal error too.
      if (Object.keys(fixed).length) {
        const again = await lintInMemory({ ...input.files, ...fixed });
        for (const d of again.diagnostics) if (d.internal) fail('internal-error', `after --fix: ${d.relPath}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}: ${d.message}`);
      }
    }
  } catch (e) {
    fail('crash', (e as Error)?.stack ?? String(e));
  }
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  if (ms > limitMs) fail('hang', `took ${Math.round(ms)} ms of CPU, over the ${limitMs} ms limit`);
  return failures;
}
