import { defineRule, firstOutOfOrder, fixIn, reorderEdits, sortedOrder, svc, type ComposeService, type YPair } from '../kit/index.js';

/** dclint's default order: what the service is, what it needs, its data, environment, networking, runtime, metadata, security context. */
export const DEFAULT_KEY_ORDER: readonly string[] = [
  'image', 'build', 'container_name',
  'depends_on',
  'volumes', 'volumes_from', 'configs', 'secrets',
  'environment', 'env_file',
  'ports', 'networks', 'network_mode', 'extra_hosts',
  'command', 'entrypoint', 'working_dir', 'restart', 'healthcheck',
  'logging', 'labels',
  'user', 'isolation',
];

export default defineRule<'compose', { order: string[] }>({
  meta: {
    id: 'compose/service-keys-order',
    kind: 'compose',
    category: 'style',
    severity: 'info',
    fix: 'safe',
    summary: 'Keys inside each service follow one order (what it is, dependencies, data, environment, networking, runtime, metadata, security)',
    options: {
      type: 'object',
      properties: { order: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: [...DEFAULT_KEY_ORDER] } },
      additionalProperties: false,
    },
    compat: { dclint: ['service-keys-order'] },
    recommended: false,
  },
  check(ctx) {
    const rank = (key: string): number => {
      const i = ctx.options.order.indexOf(key);
      return i < 0 ? ctx.options.order.length : i;
    };
    const compare = (a: string, b: string): number => rank(a) - rank(b);
    const found: { service: ComposeService; names: string[]; keys: YPair[]; wrong: { index: number; before: number } }[] = [];
    for (const service of ctx.compose.services) { // per file: ordering is about this file's text
      const keys = service.node.pairs.filter((p) => !p.merged);
      const names = keys.map((p) => p.key);
      const wrong = firstOutOfOrder(names, compare);
      if (wrong) found.push({ service, names, keys, wrong });
    }
    const edits = reorderEdits(
      ctx.file,
      found.map((f) => ({ node: f.service.node, order: sortedOrder(f.names, compare), path: ['services', f.service.name] })),
    );
    found.forEach((f, i) => {
      const edit = edits[i];
      ctx.report({
        node: f.keys[f.wrong.index]!.keyNode,
        message: `${svc(f.service.name)}: ${f.names[f.wrong.index]} should come before ${f.names[f.wrong.before]}`,
        ...(edit ? { fix: fixIn(f.service.node, 'order the service keys', [edit]) } : {}),
      });
    });
  },
});
