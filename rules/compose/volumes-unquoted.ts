import { parseDocument } from 'yaml';
import { defineRule, fixIn, isScalar, isSeq, replaceNode, svc, type YNode } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/volumes-unquoted',
    kind: 'compose',
    category: 'style',
    severity: 'info',
    fix: 'safe',
    summary: 'Short-syntax volume entries are written without quotes where YAML does not need them',
    compat: { dclint: ['no-quotes-in-volumes'] },
    recommended: false,
  },
  check(ctx) {
    const seen = new Set<YNode>();
    for (const service of ctx.compose.services) { // per file
      const volumes = service.get('volumes');
      if (!isSeq(volumes)) continue;
      for (const item of volumes.items) {
        if (!isScalar(item) || (item.style !== 'double' && item.style !== 'single') || typeof item.value !== 'string' || seen.has(item)) continue;
        seen.add(item);
        if (!readsSameUnquoted(item.value)) continue; // the quotes are needed
        ctx.report({
          node: item,
          message: `${svc(service.name)} quotes volume ${item.value}, which YAML reads the same without quotes`,
          fix: fixIn(item, 'remove the quotes', [replaceNode(item, item.value)]),
        });
      }
    }
  },
});

/** Answers already worked out, by text: the same volume strings come back in file after file. */
const answers = new Map<string, boolean>();
const MAX_ANSWERS = 1024;

/**
 * The text, written plain as a list item, is the same string. YAML's own
 * parser decides (`true`, `1e3`, `~`, `a: b`, `#x` and the rest all read
 * otherwise), once per text.
 */
function readsSameUnquoted(text: string): boolean {
  if (text === '' || /[\n\r]/.test(text) || text !== text.trim()) return false;
  let same = answers.get(text);
  if (same === undefined) {
    const doc = parseDocument(`- ${text}\n`);
    const v = doc.errors.length ? undefined : (doc.toJS() as unknown[])[0];
    same = typeof v === 'string' && v === text;
    if (answers.size >= MAX_ANSWERS) answers.clear();
    answers.set(text, same);
  }
  return same;
}
