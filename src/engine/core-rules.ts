import type { RuleMeta } from '../core/rule.js';

/**
 * Findings the engine itself makes (not any rule's check): unused or broken
 * suppression comments, files that cannot be read or are too much to lint,
 * rules that crash.
 */
export const CORE_RULES = {
  unusedDisable: {
    id: 'stack-lint/unused-disable',
    kind: 'stack',
    category: 'suppressions',
    severity: 'warning',
    fix: 'none',
    summary: 'A stack-lint-disable comment suppresses nothing',
  },
  invalidDisable: {
    id: 'stack-lint/invalid-disable',
    kind: 'stack',
    category: 'suppressions',
    severity: 'warning',
    fix: 'none',
    summary: 'A suppression comment names an unknown rule or cannot work where it is',
  },
  unreadableFile: {
    id: 'stack-lint/unreadable-file',
    kind: 'stack',
    category: 'internal',
    severity: 'error',
    fix: 'none',
    summary: 'A file could not be read',
  },
  tooComplex: {
    id: 'stack-lint/too-complex',
    kind: 'stack',
    category: 'internal',
    severity: 'error',
    fix: 'none',
    summary: 'A file is too large or nests too deep to be linted',
  },
  internalError: {
    id: 'stack-lint/internal-error',
    kind: 'stack',
    category: 'internal',
    severity: 'error',
    fix: 'none',
    summary: 'A rule failed while checking a file',
  },
} as const satisfies Record<string, RuleMeta>;

export const CORE_RULE_METAS: readonly RuleMeta[] = Object.values(CORE_RULES);
