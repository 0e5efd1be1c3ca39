/**
 * The `stack-lint` command as installed (`dist/cli.js`): starts the bundled
 * CLI (`dist/cli.cjs`) through V8's code cache.
 *
 * Most of a short run (a pre-commit hook on a few files) is spent compiling
 * ~2 MB of JavaScript, and then compiling again each function as it first
 * runs. V8 can save the compiled code of a script and take it back in a later
 * process (`vm.Script` `cachedData`); Node 20 has no built-in compile cache
 * for ES modules, so the CLI is also bundled as one CommonJS script and run
 * through `vm.Script` here. After a run that found no usable cache, the
 * compiled code (with every function the run compiled) is written, at exit:
 * - in `node_modules/.cache/stack-lint/` next to the installed package, or
 *   else in a private folder of the temporary directory;
 * - under a name made of the bundle's content hash, stack-lint's and Node's
 *   versions, the CPU architecture and the V8 flags below, so a cache is only
 *   ever read by the build and runtime that wrote it (V8 checks the flags
 *   and V8 version itself too, and rejects a cache that does not fit: the run
 *   then compiles as usual and writes a new one).
 * `STACK_LINT_CODE_CACHE=0` turns it off. Measured: see docs/performance.md.
 *
 * The code of each kind of file (the Dockerfile parser, each kind's rules) is
 * a part of its own, `dist/part-<kind>.cjs`, run the same way (with a code
 * cache of its own) the first time the bundle reads one of its exports: a run
 * on a compose file never reads or compiles the Dockerfile or shell code
 * (`STACK_LINT_DEBUG_PARTS=1` prints each part as it is loaded).
 *
 * Two constraints of code caches on Node 20, and how they are met:
 * - V8 takes a cache only in a process with the same flags: the flags the run
 *   sets anyway (`--liftoff-only` for tree-sitter, see parse/shell/tree-sitter.ts;
 *   `--expose-gc` for ./memory.ts) are set here, before compiling.
 * - Code from a cache cannot `import()` (Node 20 loses the callback): the
 *   bundle's few dynamic imports of outside modules (rule packs, formatters,
 *   JS config files) call `globalThis.__stackLintImport`, set here.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread, workerData } from 'node:worker_threads';

declare const STACK_LINT_VERSION: string;
/** Hash of dist/cli.cjs, computed by the build. */
declare const STACK_LINT_BUNDLE_HASH: string;
/** Hash of each part (`dist/part-<name>.cjs`: the code of one kind of file), computed by the build. */
declare const STACK_LINT_PART_HASHES: Record<string, string>;

type Bundle = { start(argv: string[], workerEntry: string): Promise<number>; worker(): Promise<void> };

const argv = process.argv.slice(2);
// A worker thread of a large run (see ./workers.ts) loads the same bundle.
const worker = !isMainThread && typeof (workerData as { stackLintWorker?: unknown } | undefined)?.stackLintWorker === 'object';
// `--version` answers before anything is loaded.
if (!worker && argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) process.stdout.write(`${STACK_LINT_VERSION}\n`);
else void start();

async function start(): Promise<void> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const tiering = process.env.STACK_LINT_WASM_TIERING === '1';
  if (!tiering) setFlagsFromString('--liftoff-only');
  setFlagsFromString('--expose-gc');
  const useCache = process.env.STACK_LINT_CODE_CACHE !== '0';
  const places = useCache ? cacheFolders(dir) : [];
  const suffix = `node${process.version}-${process.arch}${tiering ? '-tiering' : ''}.bin`;
  /** Scripts run from a cache that was missing or rejected: their compiled code is saved at exit. */
  const unsaved: { script: Script; name: string }[] = [];
  const run = (file: string, name: string): unknown => {
    const cachedData = useCache ? readCache(places, name) : undefined;
    const script = compile(file, cachedData);
    if (useCache && (!cachedData || script.cachedDataRejected)) {
      if (!unsaved.length) process.once('exit', () => unsaved.forEach((u) => save(u.script, places, u.name)));
      unsaved.push({ script, name });
    }
    const mod = { exports: {} as unknown };
    (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(file), mod, file, path.dirname(file));
    return mod.exports;
  };
  (globalThis as { __stackLintImport?: (specifier: string) => Promise<unknown> }).__stackLintImport = (specifier) => import(specifier);
  // The code of one kind of file (its parser and rules) is a part of its own, run on first use (see scripts/build.mjs):
  // a run on compose files never reads or compiles the Dockerfile or shell rules.
  const parts = new Map<string, unknown>();
  (globalThis as { __stackLintPart?: (name: string) => unknown }).__stackLintPart = (part) => {
    let exports = parts.get(part);
    if (exports === undefined) {
      const hash = STACK_LINT_PART_HASHES[part];
      if (!hash) throw new Error(`stack-lint: no part named ${part}`);
      exports = run(path.join(dir, `part-${part}.cjs`), `${STACK_LINT_VERSION}-part-${part}-${hash}-${suffix}`);
      parts.set(part, exports);
      if (process.env.STACK_LINT_DEBUG_PARTS === '1') process.stderr.write(`stack-lint: loaded part ${part}\n`);
    }
    return exports;
  };
  const bundle = run(path.join(dir, 'cli.cjs'), `${STACK_LINT_VERSION}-${STACK_LINT_BUNDLE_HASH}-${suffix}`) as Bundle;
  if (worker) return bundle.worker();
  // A reader that stops early (`stack-lint . | head`) closes the pipe: the rest of the report has nowhere to go,
  // which is no failure of the run, whose exit code still tells what it found.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    });
  }
  const code = await bundle.start(argv, fileURLToPath(import.meta.url));
  // Everything the run writes has been awaited by now, but V8's optimising
  // compiler can still hold the event loop open for its background jobs, code
  // that will never run: 20–70 ms after the corpus run's last write (measured
  // with a `beforeExit` hook; none with --no-concurrent-recompilation). Exit
  // once standard output and error are flushed ('exit' handlers still run).
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** Resolves once everything written to `stream` so far has been handed to the system (a pipe may be asynchronous). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => resolve());
  });
}

/** The first saved compiled code of that name found. */
function readCache(places: readonly string[], name: string): Buffer | undefined {
  for (const folder of places) {
    try {
      return readFileSync(path.join(folder, name));
    } catch {
      // not there: the next place, or none
    }
  }
  return undefined;
}

/**
 * Reads and compiles the bundle or a part. Apart, so that the text read does not stay
 * alive in `start`'s suspended frame for the whole run: the Script keeps its
 * own copy, and the bundle is megabytes.
 */
function compile(file: string, cachedData: Buffer | undefined): Script {
  const source = readFileSync(file, 'utf8');
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
}

/** Where caches are kept, in order of preference. */
function cacheFolders(dir: string): string[] {
  const out: string[] = [];
  // node_modules/.cache/stack-lint of the nearest node_modules above the package (or of the checkout)
  for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) {
    if (path.basename(d) === 'node_modules') {
      out.push(path.join(d, '.cache', 'stack-lint'));
      break;
    }
    const nm = path.join(d, 'node_modules');
    if (exists(nm) && exists(path.join(d, 'package.json'))) {
      out.push(path.join(nm, '.cache', 'stack-lint'));
      break;
    }
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : os.userInfo().username;
  const tmp = path.join(os.tmpdir(), `stack-lint-code-cache-${uid}`);
  // a folder in the shared temporary directory is used only when it is ours (or not there yet)
  if (ownedOrMissing(tmp)) out.push(tmp);
  return out;
}

function ownedOrMissing(p: string): boolean {
  try {
    return typeof process.getuid !== 'function' || statSync(p).uid === process.getuid();
  } catch {
    return true;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Writes the compiled code to the first folder that takes it (a temporary name, then a rename: runs in parallel never read half a file). */
function save(script: Script, places: readonly string[], name: string): void {
  let data: Buffer;
  try {
    data = script.createCachedData();
  } catch {
    return;
  }
  for (const folder of places) {
    const tmp = path.join(folder, `${name}.${process.pid}.tmp`);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      if (!ownedOrMissing(folder)) continue;
      writeFileSync(tmp, data, { mode: 0o600 });
      renameSync(tmp, path.join(folder, name));
      pruneOldCaches(folder, name);
      return;
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing written
      }
    }
  }
}

/** Caches kept besides the one just written, of the bundle or of each part: other versions or builds used lately (several installs may share the temporary folder). */
const OTHER_CACHES_KEPT = 3;

/** The bundle, or which part: caches of one are pruned apart from those of another. */
const role = (name: string): string => /-part-([a-z]+)-/.exec(name)?.[1] ?? 'bundle';

/** Removes the oldest caches of other builds: each is megabytes, and every upgrade or build writes a new one. */
function pruneOldCaches(folder: string, keep: string): void {
  try {
    const others = readdirSync(folder)
      .filter((n) => n.endsWith('.bin') && n !== keep && role(n) === role(keep))
      .map((n) => ({ file: path.join(folder, n), used: statSync(path.join(folder, n)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const old of others.slice(OTHER_CACHES_KEPT)) unlinkSync(old.file);
  } catch {
    // another run pruning at the same time, or a file we may not remove: left for later
  }
}
