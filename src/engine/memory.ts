/**
 * Keeps the heap of a long run near what it holds: a run that lints stack
 * after stack drops each stack's parsed files, but V8, with memory to spare,
 * lets the garbage pile up (a 5,000-file tree grew to ~1 GB with ~60 MB
 * live). After a stack, when the heap has grown by more than `GROWTH` since
 * the last collection, a full collection runs (~10–40 ms each, a few per
 * thousand files). Small runs never reach it.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const GROWTH = Number(process.env.STACK_LINT_GC_MB ?? 64) * 2 ** 20;

let collect: (() => void) | null | undefined;
let floor = 0;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      const existing = (globalThis as { gc?: () => void }).gc;
      if (typeof existing === 'function') collect = existing;
      else {
        // `--expose-gc` at run time exposes `gc` in contexts created afterwards.
        setFlagsFromString('--expose-gc');
        const fn = runInNewContext('gc') as unknown;
        collect = typeof fn === 'function' ? (fn as () => void) : null;
      }
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Collects garbage when the heap grew by more than `growth` bytes (default GROWTH) since the last time. */
export function collectIfGrown(growth = GROWTH): void {
  if (process.env.STACK_LINT_GC === '0') return;
  const used = getHeapStatistics().used_heap_size;
  if (floor === 0) floor = used;
  if (used - floor < growth) return;
  const gc = collector();
  if (!gc) return;
  gc();
  floor = getHeapStatistics().used_heap_size;
}

/**
 * At the end of a run, before the report: the stacks' parsed files are all
 * garbage by now, and the report (one output string, and the formatter's copy
 * of every finding) would otherwise be built on top of them, growing the heap
 * to its peak of the whole run: the 5,000-file benchmark tree (`--concurrency
 * 1`) peaked at 343 MB there, 328 MB with this one collection (~25 ms; the rest
 * of that peak is the JSON report itself, one string of every finding). Runs
 * that grew less than half of GROWTH since the last collection (small runs)
 * skip it.
 */
export function collectBeforeReport(): void {
  collectIfGrown(GROWTH / 2);
}
