/**
 * The `shellcheck/SC<code>` rule ids: one per ShellCheck check, reported by the
 * ShellCheck bridge (./shellcheck.ts) when `shell/shellcheck` is on. They are
 * a dynamic family of the registry (see `RuleFamily` in ./registry.ts), so
 * config (`shellcheck/SC2034: off`, or a bare `SC2034` no built-in rule
 * claims), `--rule` and suppression comments accept them although no rule
 * module declares them. Kept free of imports so the registry can use it.
 */
import type { RuleFamily, RuleMeta } from './rule.js';
import type { Severity } from './diagnostic.js';

const FAMILY_ID = /^shellcheck\/SC(\d{4})$/;
export const SHELLCHECK_WIKI = 'https://www.shellcheck.net/wiki/';

/** Metadata of one `shellcheck/SC<code>` id: ShellCheck's own check, documented on its wiki. */
export function shellcheckMeta(code: string, severity: Severity = 'warning'): RuleMeta {
  return {
    id: `shellcheck/SC${code}`,
    kind: 'shell',
    category: 'shellcheck',
    severity,
    fix: 'none',
    summary: `ShellCheck SC${code} (reported through shell/shellcheck)`,
    precision: 'high',
    docsUrl: `${SHELLCHECK_WIKI}SC${code}`,
  };
}

export const SHELLCHECK_FAMILY: RuleFamily = {
  prefix: 'shellcheck/',
  meta(id) {
    const m = FAMILY_ID.exec(id);
    return m ? shellcheckMeta(m[1]!) : undefined;
  },
  idForCode(code) {
    return /^SC\d{4}$/.test(code) ? `shellcheck/${code}` : undefined;
  },
};
