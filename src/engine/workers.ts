/**
 * Worker threads for large runs. The stacks of a run (./plan.ts) are
 * independent: the main thread and `count - 1` workers take them from one
 * queue, largest first, and the results are merged in the stacks' order, so
 * the output is the same as one thread's (and it is sorted anyway). Each
 * worker loads the CLI bundle once (through the code cache, see
 * ./cli-loader.ts), its own configs and packs, and initialises tree-sitter
 * once; the repository's evidence it gets from the main thread, as read
 * there; it reads and parses the files of the stacks it is given and sends back
 * plain results (findings, texts, suppression comments).
 *
 * Only the built CLI starts workers (it registers its entry with
 * `setWorkerEntry`); the library API and the tests lint in the calling thread.
 * A worker that fails hands its stack back to the main thread.
 *
 * When: `--concurrency <n>` asks for n threads (1: none); by default, runs of
 * at least AUTO_MIN_FILES files use up to AUTO_MAX_THREADS threads, one per
 * core but one (docs/performance.md has the measurements behind these numbers).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { PlannedProject } from '../parse/compose/layers.js';
import type { FileKind } from '../core/source.js';
import type { RepositoryEvidence } from '../stack/evidence/index.js';
import type { GroupContext, GroupResult, WorkerPool, WorkerSetup } from './types.js';
import { collectIfGrown } from './memory.js';
import { addPhase, TIMING } from './timing.js';
import { turnEventLoop } from './event-loop.js';

/** Below this many files a run stays in one thread: starting a worker costs more than it saves. */
export const AUTO_MIN_FILES = 400;
export const AUTO_MAX_THREADS = 4;

interface WorkerInit {
  stackLintWorker: WorkerSetup;
  lintedCompose: string[];
  reportOn?: string[];
  /** The main thread's evidence (plain data): a worker does not read the repository again. */
  evidence?: RepositoryEvidence;
}

type Job = { id: number; files: { path: string; kind: FileKind }[]; declared: PlannedProject[] };
type Reply = { type: 'ready' } | { type: 'result'; id: number; result: GroupResult } | { type: 'error'; id: number; error: string };

let entry: string | undefined;

/** Registers the script workers run; the CLI bundle does, with its loader. */
export function setWorkerEntry(file: string | undefined): void {
  entry = file;
}

/** The worker threads a run of `files` files uses, undefined for none. */
export function workerPool(concurrency: number | 'auto' | undefined, files: number, setup: WorkerSetup): WorkerPool | undefined {
  if (!entry) return undefined;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  let count: number;
  if (typeof concurrency === 'number') count = Math.max(1, Math.floor(concurrency));
  // V8's own threads (concurrent marking, parallel scavenges, optimising compilation) keep about one core busy
  // beside a linting thread: on two cores a second linting thread was no faster and took 100 MB more (docs/performance.md).
  else count = files >= AUTO_MIN_FILES ? Math.min(cores - 1, AUTO_MAX_THREADS) : 1;
  return count > 1 ? { count, entry, setup } : undefined;
}

/** Lints the groups with the main thread and the pool's workers; results in the groups' order. */
export async function lintInPool<G extends readonly { path: string; kind: FileKind }[]>(
  ctx: GroupContext,
  groups: readonly G[],
  declaredOf: (group: G) => PlannedProject[],
  lintHere: (group: G) => Promise<GroupResult>,
  pool: WorkerPool,
): Promise<GroupResult[]> {
  const results = new Array<GroupResult>(groups.length);
  // the biggest stacks first, so that no thread is left with a big one at the end
  const order = groups.map((_, i) => i).sort((a, b) => groups[b]!.length - groups[a]!.length || a - b);
  let next = 0;
  const take = (): number | undefined => (next < order.length ? order[next++] : undefined);

  const init: WorkerInit = {
    stackLintWorker: pool.setup,
    lintedCompose: [...ctx.lintedCompose],
    ...(ctx.options.reportOn ? { reportOn: [...ctx.options.reportOn] } : {}),
    ...(ctx.options.evidence ? { evidence: ctx.options.evidence } : {}),
  };
  const threads = Math.min(pool.count, groups.length);
  const workers = Array.from({ length: threads - 1 }, () => new PoolWorker(pool.entry, init));

  const here = async (): Promise<void> => {
    for (let i = take(); i !== undefined; i = take()) {
      const t = TIMING ? performance.now() : 0;
      results[i] = await lintHere(groups[i]!);
      if (TIMING) addPhase('stacks: main thread', performance.now() - t);
      collectIfGrown();
      // A stack is linted without waiting on anything: without a turn of the event loop the workers' replies
      // (and their first "ready") would wait, and this thread would take the whole queue itself.
      await turnEventLoop();
    }
  };
  const there = async (w: PoolWorker): Promise<void> => {
    const started = TIMING ? performance.now() : 0;
    if (!(await w.ready)) return;
    if (TIMING) addPhase('worker start', performance.now() - started);
    for (let i = take(); i !== undefined; i = take()) {
      const group = groups[i]!;
      const t = TIMING ? performance.now() : 0;
      const result = await w.lint({ id: i, files: group.map((f) => ({ path: f.path, kind: f.kind })), declared: declaredOf(group) });
      if (TIMING) addPhase('stacks: workers', performance.now() - t);
      // a worker that failed: this stack (and the rest of the queue) is linted here
      if (!result) {
        results[i] = await lintHere(group);
        return;
      }
      // the metas came as copies: the run's own objects where it has them
      result.rules = result.rules.map((m) => ctx.options.registry.get(m.id) ?? m);
      results[i] = result;
    }
  };
  try {
    await Promise.all([here(), ...workers.map(there)]);
  } finally {
    for (const w of workers) void w.stop();
  }
  return results;
}

class PoolWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (r: GroupResult | undefined) => void>();
  private failed = false;
  readonly ready: Promise<boolean>;

  constructor(file: string, init: WorkerInit) {
    // A small young generation: a worker's garbage is short-lived per stack, and the default
    // semi-spaces of each thread add up (measured: about 18 MB less at the peak, no slower).
    this.worker = new Worker(file, { workerData: init, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (m: Reply) => {
        if (m.type === 'ready') resolve(true);
        else {
          const done = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          done?.(m.type === 'result' ? m.result : undefined);
        }
      });
      const fail = (): void => {
        this.failed = true;
        resolve(false);
        for (const done of this.waiting.values()) done(undefined);
        this.waiting.clear();
      };
      this.worker.on('error', fail);
      this.worker.on('exit', fail);
    });
  }

  lint(job: Job): Promise<GroupResult | undefined> {
    if (this.failed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.set(job.id, resolve);
      this.worker.postMessage(job);
    });
  }

  async stop(): Promise<void> {
    this.failed = true;
    await this.worker.terminate();
  }
}

/**
 * A worker thread's side: set up configs and packs as the main thread did, then
 * lint the stacks it is sent. `setUp` builds the run's shared context (from
 * ./run.ts, passed in to keep this module free of the engine's imports).
 */
export async function serveStacks(
  setUp: (setup: WorkerSetup, lintedCompose: Set<string>, reportOn: Set<string> | undefined, evidence: RepositoryEvidence | undefined) => Promise<GroupContext>,
  lintStack: (ctx: GroupContext, files: Job['files'], declared: PlannedProject[]) => Promise<GroupResult>,
): Promise<void> {
  const init = workerData as WorkerInit;
  const port = parentPort!;
  const ctx = await setUp(init.stackLintWorker, new Set(init.lintedCompose), init.reportOn ? new Set(init.reportOn) : undefined, init.evidence);
  port.on('message', (job: Job) => {
    lintStack(ctx, job.files, job.declared).then(
      (result) => {
        port.postMessage({ type: 'result', id: job.id, result } satisfies Reply);
        collectIfGrown();
      },
      (err: unknown) => port.postMessage({ type: 'error', id: job.id, error: String((err as Error)?.stack ?? err) } satisfies Reply),
    );
  });
  port.postMessage({ type: 'ready' } satisfies Reply);
}
