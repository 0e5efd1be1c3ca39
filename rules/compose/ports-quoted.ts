import { defineRule, fixIn, isScalar, isSeq, quote, replaceNode, svc, type YNode, type YScalar } from '../kit/index.js';

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
    summary: 'Port mappings that a YAML 1.1 parser reads as base-60 numbers (`22:22`) are quoted',
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
          const base60 = sexagesimal(item.source);
          if (base60 === undefined && !ctx.options.all) continue;
          seen.add(item);
          ctx.report({
            node: item,
            message: `${svc(service.name)} writes ${key} entry ${item.source} unquoted; ${
              base60 === undefined ? 'quote it, as the all option asks of every port entry' : `YAML 1.1 parsers read it as the base-60 number ${base60}; quote it`
            }`,
            // Compose's YAML reader takes `0800` for an octal number: quoted, it would be another port.
            ...(LEADING_ZERO.test(item.source) ? {} : { fix: fixIn(item, 'quote the port', [replaceNode(item, quote(item.source, ctx.options.quote))]) }),
          });
        }
      }
    }
  },
});

/**
 * The number a YAML 1.1 parser (PyYAML, the old docker-compose, many other tools) reads a plain scalar as, by its
 * base-60 forms: integers `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+` and floats `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`.
 * `22:22` is 1342; `80:80`, `8080:80` (a part after a colon above 59), `${PORT}:80` and `127.0.0.1:9000:9000` are
 * strings there too. YAML 1.2, which docker compose uses, has no base 60.
 */
function sexagesimal(text: string): number | undefined {
  const m = /^([-+]?)([1-9][0-9_]*(?::[0-5]?[0-9])+|[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$/.exec(text);
  if (!m) return undefined;
  const value = m[2]!.replace(/_/g, '').split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return m[1] === '-' ? -value : value;
}
