import { defineRule } from '../../src/engine/define.js';
import { fixIn, quote, replaceNode } from '../../src/parse/compose/policy/edits.js';
import { svc } from '../../src/parse/compose/policy/values.js';
import { isScalar, isSeq, type YNode, type YScalar } from '../../src/parse/yaml/nodes.js';

/** A number written with a leading zero. */
const LEADING_ZERO = /^[-+]?0\d/;

interface Options {
  quote: 'double' | 'single';
  all: boolean;
}

export default defineRule<'compose', Options>({
  meta: {
    id: 'compose/ports-quoted',
    kind: 'compose',
    category: 'network',
    severity: 'warning',
    fix: 'safe',
    summary: '`HOST:CONTAINER` port mappings are quoted strings, which every YAML parser reads the same way',
    options: {
      type: 'object',
      properties: {
        quote: { enum: ['double', 'single'], default: 'double' },
        all: { type: 'boolean', default: false },
      },
      additionalProperties: false,
    },
    compat: { dclint: ['require-quotes-in-ports'] },
  },
  check(ctx) {
    const compose = ctx.compose; // per file: quoting is about how this file is written
    const seen = new Set<YNode>();
    for (const service of compose.services) {
      const lists: [string, YNode | undefined][] = [['ports', service.get('ports')]];
      if (ctx.options.all) lists.push(['expose', service.get('expose')]);
      for (const [key, list] of lists) {
        if (!isSeq(list)) continue;
        for (const item of list.items) {
          if (!isScalar(item) || item.style !== 'plain' || item.value === null || seen.has(item)) continue;
          const colon = typeof item.value === 'string' && item.value.includes(':');
          if (!colon && !ctx.options.all) continue;
          seen.add(item);
          ctx.report({
            node: item,
            message: `${svc(service.name)} writes ${key} entry ${item.source} unquoted; ${why(item)}`,
            // Compose's YAML reader takes `0800` for an octal number: quoted, it would be another port.
            ...(LEADING_ZERO.test(item.source) ? {} : { fix: fixIn(item, 'quote the port', [replaceNode(item, quote(item.source, ctx.options.quote))]) }),
          });
        }
      }
    }
  },
});

/** YAML 1.1 reads `22:22` as the base-60 number 1342; other mappings are strings only by luck of the digits. */
function why(item: YScalar): string {
  const text = item.source;
  if (/^[1-9]\d*(?::[0-5]?\d)+$/.test(text)) {
    const value = text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
    return `YAML 1.1 parsers read it as the base-60 number ${value}; quote it`;
  }
  if (!text.includes(':')) return 'quote it like the other port entries';
  return 'quote it so no YAML parser can read it as a number (22:22 is 1342 in YAML 1.1)';
}
