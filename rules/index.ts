import { definePack, type AnyRule } from '../src/engine/define.js';
import composeImagePinned from './compose/image-pinned.js';
import composeSyntax from './compose/syntax.js';
import dockerfilePinnedBaseImage from './dockerfile/pinned-base-image.js';
import dockerfileSyntax from './dockerfile/syntax.js';
import shellStrictMode from './shell/strict-mode.js';
import shellSyntax from './shell/syntax.js';

export const DOCS_BASE = 'https://github.com/stack-lint/stack-lint/blob/main/docs/rules/';

const rules: AnyRule[] = [
  composeSyntax,
  composeImagePinned,
  dockerfileSyntax,
  dockerfilePinnedBaseImage,
  shellSyntax,
  shellStrictMode,
];

for (const rule of rules) rule.meta.docsUrl ??= `${DOCS_BASE}${rule.meta.id}.md`;

/** The built-in rules: stack-lint's own pack, loaded the same way an org pack is. */
export default definePack({
  meta: { name: 'stack-lint', namespace: 'stack-lint', docsBase: DOCS_BASE },
  rules,
  presets: {
    recommended: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.recommended === false ? 'off' : r.meta.severity])),
    all: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity])),
  },
});
