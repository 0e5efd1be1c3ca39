/**
 * `npm run fuzz [-- --count N] [--seed S] [--start I] [--time-limit ms] [--out dir] [--corpus dir]`
 *
 * Runs the fuzzer (./fuzz.ts) over inputs I … I+N-1 of seed S in a worker
 * thread that the main thread watches: an input over the CPU time limit is a
 * hang, and so is one that does not finish within the (wall time) watchdog,
 * for which the worker is ended and started again after it.
 * The worker gets a 1 MB stack, about what the CLI's main thread has, so deep
 * inputs overflow here when they would there. Each failing input is written to
 * `<out>/<seed>-<index>.json` (its files and the failure); exit code 1 when
 * anything failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkInput, loadCorpus, makeInput, type FuzzFailure } from './fuzz.js';

interface Options {
  count: number;
  seed: number;
  start: number;
  timeLimit: number;
  out: string;
  corpus: string;
}

type Message = { type: 'done'; index: number; failures: FuzzFailure[] } | { type: 'starting'; index: number };

function parseArgs(argv: string[], root: string): Options {
  const opts: Options = { count: 1000, seed: 1, start: 0, timeLimit: 10_000, out: path.join(root, 'fuzz-failures'), corpus: path.resolve(root, '../shared/corpus') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--count') opts.count = Number(value);
    else if (flag === '--seed') opts.seed = Number(value);
    else if (flag === '--start') opts.start = Number(value);
    else if (flag === '--time-limit') opts.timeLimit = Number(value);
    else if (flag === '--out') opts.out = path.resolve(value);
    else if (flag === '--corpus') opts.corpus = path.resolve(value);
    else throw new Error(`unknown option ${flag}`);
  }
  for (const k of ['count', 'seed', 'start', 'timeLimit'] as const) if (!Number.isInteger(opts[k]) || opts[k] < 0) throw new Error(`--${k} must be a whole number`);
  return opts;
}

async function workerMain(): Promise<void> {
  const { opts, from } = workerData as { opts: Options; from: number };
  const corpus = loadCorpus(opts.corpus);
  for (let index = from; index < opts.start + opts.count; index++) {
    parentPort!.postMessage({ type: 'starting', index } satisfies Message);
    const failures = await checkInput(makeInput(corpus, opts.seed, index), opts.timeLimit);
    parentPort!.postMessage({ type: 'done', index, failures } satisfies Message);
  }
}

async function main(argv: string[], root: string, entry: string): Promise<number> {
  const opts = parseArgs(argv, root);
  const corpus = loadCorpus(opts.corpus);
  const end = opts.start + opts.count;
  const failures: FuzzFailure[] = [];
  let done = 0;
  const started = Date.now();
  const record = (f: FuzzFailure): void => {
    failures.push(f);
    mkdirSync(opts.out, { recursive: true });
    const input = makeInput(corpus, opts.seed, f.index);
    writeFileSync(path.join(opts.out, `${opts.seed}-${f.index}.json`), JSON.stringify({ seed: opts.seed, failure: f, files: input.files }, null, 1));
    console.log(`FAIL ${f.kind} seed ${opts.seed} input ${f.index} (${f.target}; ${f.steps.join(', ')}): ${f.message.split('\n').slice(0, 3).join(' | ')}`);
  };
  // The watchdog: an input still running this long after it started is a hang (the worker is ended).
  // Wall time, so generous: on a busy machine an input may wait long for a core (the CPU time limit is the worker's).
  const watchdogMs = Math.max(opts.timeLimit * 12, 120_000);
  let from = opts.start;
  while (from < end) {
    from = await new Promise<number>((resolve) => {
      const worker = new Worker(entry, { workerData: { opts, from }, resourceLimits: { stackSizeMb: 1 } });
      let current = from;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          record({ index: current, kind: 'hang', target: makeInput(corpus, opts.seed, current).target, steps: makeInput(corpus, opts.seed, current).steps, message: `no answer after ${watchdogMs} ms` });
          void worker.terminate();
          done++;
          resolve(current + 1);
        }, watchdogMs);
      };
      arm();
      worker.on('message', (m: Message) => {
        if (m.type === 'starting') {
          current = m.index;
          arm();
          return;
        }
        done++;
        for (const f of m.failures) record(f);
        if (done % 1000 === 0) console.log(`${done} inputs, ${failures.length} failures, ${Math.round((Date.now() - started) / 1000)} s`);
      });
      worker.on('error', (e) => {
        // An error the worker could not catch (an overflow outside any try, out of memory): a crash of that input.
        clearTimeout(timer);
        record({ index: current, kind: 'crash', target: makeInput(corpus, opts.seed, current).target, steps: makeInput(corpus, opts.seed, current).steps, message: e.stack ?? String(e) });
        done++;
        resolve(current + 1);
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        resolve(Math.max(current + 1, from));
      });
    });
  }
  const count = (k: FuzzFailure['kind']) => failures.filter((f) => f.kind === k).length;
  console.log(
    `fuzz: ${done} inputs (seed ${opts.seed}, inputs ${opts.start}–${end - 1}) in ${Math.round((Date.now() - started) / 1000)} s: ` +
      `${count('crash')} crashes, ${count('internal-error')} internal errors, ${count('hang')} hangs`,
  );
  return failures.length ? 1 : 0;
}

if (isMainThread) {
  const entry = fileURLToPath(import.meta.url);
  const root = process.env.STACK_LINT_ROOT ?? process.cwd();
  main(process.argv.slice(2), root, entry).then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(`fuzz: ${e.message}`);
      process.exit(2);
    },
  );
} else {
  void workerMain();
}
