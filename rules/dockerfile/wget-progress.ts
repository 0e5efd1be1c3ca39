import { defineRule, runInstructions, type DfStage } from '../kit/index.js';

/**
 * Options that keep wget from printing its dot-per-kilobyte progress: an
 * explicit progress style, quiet, less verbose, or the log sent to a file.
 * Short ones also count inside a cluster (`-qO-`, `-qO /tmp/x`).
 */
function isQuiet(arg: string): boolean {
  if (/^--(progress|quiet|no-verbose|output-file|append-output)(=|$)/.test(arg) || arg === '-nv') return true;
  return /^-(?!-)[A-Za-z]*[qoa]/.test(arg);
}

export default defineRule({
  meta: {
    id: 'dockerfile/wget-progress',
    kind: 'dockerfile',
    category: 'best-practice',
    severity: 'info',
    fix: 'none',
    summary: '`wget` in `RUN` sets `--progress` (or `-q`/`-nv`) so large downloads do not flood the build log',
    recommended: false,
    compat: { hadolint: ['DL3047'] },
  },
  check(ctx) {
    const busybox = new Map<DfStage, boolean>();
    for (const view of runInstructions(ctx.dockerfile)) {
      if (view.stage && isBusyboxStage(view.stage, busybox)) continue;
      for (const cmd of view.commands) {
        if (cmd.name?.split('/').pop() !== 'wget' || !cmd.nameWord) continue;
        if (cmd.args.some((a) => isQuiet(a.value ?? a.raw))) continue;
        ctx.report({
          node: cmd.nameWord,
          message: 'wget without --progress=dot:giga (or -q / -nv) prints a line per few kilobytes and can bloat the build log to megabytes',
        });
      }
    }
  },
});

/**
 * Stages built on Alpine or BusyBox run BusyBox wget, which has no
 * `--progress` option and prints a single progress line anyway.
 */
function isBusyboxStage(stage: DfStage, memo: Map<DfStage, boolean>): boolean {
  const known = memo.get(stage);
  if (known !== undefined) return known;
  let base: DfStage = stage;
  while (base.parent) base = base.parent;
  const result = /(^|[/:@_-])(alpine|busybox)/i.test(base.resolvedImage);
  memo.set(stage, result);
  return result;
}
