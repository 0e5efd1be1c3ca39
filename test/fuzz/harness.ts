/**
 * Lints texts in memory through the same engine as the CLI, with every
 * built-in rule on at its default severity (rules no preset turns on too), so that a
 * generated or mutated input reaches as much code as it can. The ShellCheck
 * bridge stays off: it runs an outside program.
 */
import path from 'node:path';
import { defaultOptions } from '../../src/config/validate.js';
import { kindFromName, kindFromShebang } from '../../src/discover/classify.js';
import { CORE_RULE_METAS } from '../../src/engine/core-rules.js';
import { lintFiles } from '../../src/engine/lint.js';
import { type FileConfig, type ResolvedRuleSetting } from '../../src/engine/types.js';
import { createRegistry } from '../../src/core/registry.js';
import type { LintResult } from '../../src/core/result.js';
import { TOOL } from '../../src/runner/run.js';
import { fixFiles } from '../../src/fix/loop.js';
import type { FileKind } from '../../src/core/source.js';
import builtins from '../../rules/index.js';

/** The virtual folder the files are linted under. */
export const MEMORY_ROOT = path.resolve('/__stack_lint_memory__');

const SKIPPED = new Set(['shell/shellcheck']);

function allRulesConfig(): FileConfig {
  const rules = new Map<string, ResolvedRuleSetting>();
  for (const rule of builtins.rules) {
    if (SKIPPED.has(rule.meta.id)) continue;
    rules.set(rule.meta.id, { severity: rule.meta.severity, options: defaultOptions(rule.meta) });
  }
  return { rules, settings: {}, linterOptions: { reportUnusedDisableDirectives: 'warning' } };
}

const CONFIG = allRulesConfig();
const REGISTRY = createRegistry([...builtins.rules.map((r) => r.meta), ...CORE_RULE_METAS]);

/** Files by path relative to the virtual folder; the kind comes from the name (or shebang), files of no kind are context only. */
export type MemoryFiles = Record<string, string>;

function setup(files: MemoryFiles) {
  const overlay = new Map<string, string>();
  const linted: { path: string; kind: FileKind }[] = [];
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(MEMORY_ROOT, rel);
    overlay.set(abs, text);
    const kind = kindFromName(path.basename(abs)) ?? kindFromShebang(text.split('\n', 1)[0] ?? '');
    if (kind) linted.push({ path: abs, kind });
  }
  return { cwd: MEMORY_ROOT, files: linted, overlay, rules: builtins.rules, registry: REGISTRY, config: { forFile: async () => CONFIG }, tool: TOOL };
}

/** Lints the files with every rule on. */
export function lintInMemory(files: MemoryFiles): Promise<LintResult> {
  return lintFiles(setup(files));
}

/** Runs the fix loop (safe and unsafe fixes) on the files; the fixed texts by relative path. */
export async function fixInMemory(files: MemoryFiles): Promise<Record<string, string>> {
  const outcome = await fixFiles({ ...setup(files), unsafe: true });
  const out: Record<string, string> = {};
  for (const c of outcome.changes) out[path.relative(MEMORY_ROOT, c.path)] = c.after;
  return out;
}
