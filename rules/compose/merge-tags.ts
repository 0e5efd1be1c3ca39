import { defineRule, formatPath, layerRole, pathSegments, type PathLink, type YNode } from '../kit/index.js';

const COMPOSE_TAGS = new Set(['!reset', '!override']);

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/merge-tags',
    kind: 'compose',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: '`!reset` and `!override` are used where they have an effect, and no other custom tag is',
  },
  check(ctx) {
    const root = ctx.compose.root;
    if (!root) return;
    // In a base file nothing comes before it, except what a service `extends`.
    const isBase = layerRole(ctx.file.path).role === 'base' && ctx.project.files[0]?.file.path === ctx.file.path;
    const seen = new Set<YNode>();
    const walk = (node: YNode, link: PathLink | undefined, inExtending: boolean, key?: YNode): void => {
      if (seen.has(node)) return;
      seen.add(node);
      const tag = node.tag;
      // Report at the key of a mapping value (the tag sits right after it), else at the item.
      const at = key ?? node;
      if (tag && !tag.startsWith('tag:yaml.org,2002:') && !COMPOSE_TAGS.has(tag)) {
        ctx.report({ node: at, message: `${formatPath(pathSegments(link)) || 'the document'} has the tag "${tag}", which compose does not know; only !reset and !override have a meaning` });
      } else if (tag === '!reset') {
        const empty = node.type === 'scalar' ? node.value === null || node.value === '' : node.type === 'seq' ? node.items.length === 0 : node.pairs.length === 0;
        if (!empty) {
          ctx.report({ node: at, message: `${formatPath(pathSegments(link))} is tagged !reset, so the value written after the tag is ignored; write "!reset null" (or [] / {}) to make that clear` });
        } else if (isBase && !inExtending) {
          ctx.report({ node: at, message: `${formatPath(pathSegments(link))} is tagged !reset in the base file, where there is nothing to reset: it only removes the key` });
        }
      } else if (tag === '!override') {
        if (node.type === 'scalar') {
          ctx.report({ node: at, message: `${formatPath(pathSegments(link))} is tagged !override, which changes nothing for a single value (a later file's value always replaces it)` });
        } else if (isBase && !inExtending) {
          ctx.report({ node: at, message: `${formatPath(pathSegments(link))} is tagged !override in the base file, where there is nothing to override` });
        }
      }
      if (node.type === 'seq') node.items.forEach((item, i) => walk(item, { seg: i, up: link }, inExtending));
      else if (node.type === 'map') {
        // A service that `extends` another, or that an `include`d file defines too, is merged onto an earlier definition.
        const service = link?.up?.seg === 'services' && link.up.up === undefined ? String(link.seg) : undefined;
        const extending = inExtending || (service !== undefined && (node.get('extends') !== undefined || ctx.project.service(service)?.includedBy !== undefined));
        for (const p of node.pairs) {
          if (p.merged) continue;
          if (p.keyNode.tag && !p.keyNode.tag.startsWith('tag:yaml.org,2002:')) {
            ctx.report({ node: p.keyNode, message: `the key "${p.key}" is tagged ${p.keyNode.tag}; tags go on values ("${p.key}: ${p.keyNode.tag} …")` });
          }
          walk(p.value, { seg: p.key, up: link }, extending, p.keyNode);
        }
      }
    };
    walk(root, undefined, false);
  },
});
