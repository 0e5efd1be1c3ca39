import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RulePack } from '../core/rule.js';
import type { RuleMeta } from '../core/rule.js';
import { createRegistry } from '../core/registry.js';
import { FILE_KIND_NAMES } from '../kinds/index.js';

/** `docs/rules` of the installed package: beside `dist/` once built, two levels up from the sources. */
function docsRoot(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/**
 * `stack-lint rule <id>`: the docs page of a rule, found by id or by a peer
 * code (`DL3008`, `SC2086`, `JSONArgsRecommended`). Undefined when nothing matches.
 */
export function explainRule(packs: readonly RulePack[], query: string): string | undefined {
  const metas = packs.flatMap((p) => p.rules.map((r) => r.meta));
  const registry = createRegistry(metas);
  const ids = registry.get(query) ? [query] : registry.byCompatCode(query);
  if (!ids.length) return undefined;
  const root = docsRoot();
  return ids
    .map((id) => {
      const meta = registry.get(id)!;
      const page = root && path.join(root, `${id}.md`);
      const body = page && existsSync(page) ? readFileSync(page, 'utf8') : `# ${id}\n\n${meta.summary}.\n`;
      const via = id === query ? '' : `(${query} is covered by ${id})\n\n`;
      return `${via}${body.trimEnd()}\n${meta.docsUrl ? `\n${meta.docsUrl}\n` : ''}`;
    })
    .join('\n');
}

/** The rule index page (`docs/rules/index.md`), generated from metadata. */
export function ruleIndexMarkdown(metas: readonly RuleMeta[]): string {
  const kinds = [...FILE_KIND_NAMES, 'stack'];
  const out = [
    '# Rules',
    '',
    'Generated from the rules\' metadata (`npm run docs`); each id links to its page.',
    'Severity is the default (config may change it); fix: S = safe, U = unsafe;',
    '"off" = not in the recommended preset.',
    '',
  ];
  for (const kind of kinds) {
    const rules = metas.filter((m) => m.kind === kind && !m.id.startsWith('stack-lint/')).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (!rules.length) continue;
    out.push(`## ${kind}`, '', '| rule | summary | severity | fix | compat |', '|---|---|---|---|---|');
    for (const m of rules) {
      const compat = Object.entries(m.compat ?? {})
        .flatMap(([tool, codes]) => ((codes as string[] | undefined) ?? []).map((c: string) => `${tool === 'hadolint' || tool === 'shellcheck' || tool === 'buildkit' ? '' : `${tool}:`}${c}`))
        .join(', ');
      const fix = m.fix === 'safe' ? 'S' : m.fix === 'unsafe' ? 'U' : '';
      const severity = m.recommended === false ? `${m.severity} (off)` : m.severity;
      out.push(`| [${m.id}](${m.id}.md) | ${m.summary.replace(/\|/g, '\\|')} | ${severity} | ${fix} | ${compat} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}
