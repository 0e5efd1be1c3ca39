import { definePack, type AnyRule } from './kit/index.js';
import { composeRules } from './compose/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { shellRules } from './shell/index.js';
import { stackRules } from './stack/index.js';

export const DOCS_BASE = 'https://github.com/stack-lint/stack-lint/blob/main/docs/rules/';

const rules: AnyRule[] = [...composeRules, ...dockerfileRules, ...shellRules, ...stackRules];

for (const rule of rules) rule.meta.docsUrl ??= `${DOCS_BASE}${rule.meta.id}.md`;

/**
 * `stack-lint:strict`, for production gates: every rule on except layout
 * (style) and version pinning of packages, which are matters of taste and of
 * tooling; warnings become errors, infos stay infos.
 */
function strictSeverity(rule: AnyRule): string {
  const meta = rule.meta;
  if (meta.category === 'style' || meta.id === 'dockerfile/pin-package-versions' || meta.id === 'shell/shellcheck') {
    return meta.recommended === false ? 'off' : meta.severity;
  }
  return meta.severity === 'warning' ? 'error' : meta.severity;
}

/** The built-in rules: stack-lint's own pack, loaded the same way an org pack is. */
export default definePack({
  meta: { name: 'stack-lint', namespace: 'stack-lint', docsBase: DOCS_BASE },
  rules,
  presets: {
    recommended: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.recommended === false ? 'off' : r.meta.severity])),
    strict: Object.fromEntries(rules.map((r) => [r.meta.id, strictSeverity(r)])),
    all: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity])),
  },
});
