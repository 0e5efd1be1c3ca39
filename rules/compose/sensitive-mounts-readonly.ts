import {
  appendToMap,
  checkEnvironments,
  defineRule,
  fixIn,
  innerRange,
  isScalar,
  mountsOf,
  sensitiveContent,
  svc,
  type MountSpec,
  type SourceFile,
  type TextEdit,
  type YNode,
} from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/sensitive-mounts-readonly',
    kind: 'compose',
    category: 'security',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Bind mounts of keys, certificates and configuration are read-only',
    tags: ['security'],
    securitySeverity: 5.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const seen = new Set<YNode>();
      for (const service of project.services) {
        for (const m of mountsOf(project, service)) {
          if (m.kind !== 'bind' || !m.source || m.readOnly || m.explicitRw || seen.has(m.node)) continue;
          const kind = sensitiveContent(m.source, m.target);
          if (!kind) continue;
          seen.add(m.node);
          const edit = readOnlyEdit(ctx.file, m);
          report({
            node: m.long ? (m.sourceNode ?? m.node) : m.node,
            message: `${svc(service.name)} mounts ${kind} ${m.certain ? m.source : writtenSource(m)} writable; add :ro so the container can read it but not change it`,
            ...(edit ? { fix: fixIn(m.node, 'mount read-only', [edit]) } : {}),
          });
        }
      }
    }, ['compose/sensitive-mounts-readonly', ctx.options, ctx.settings]);
  },
});

/** The source as written, when interpolation cannot tell its value (`${HOME}/.aws`). */
function writtenSource(m: MountSpec): string {
  if (m.long) return m.sourceNode ? String(m.sourceNode.value) : (m.source ?? '');
  const raw = isScalar(m.node) ? String(m.node.value) : '';
  const target = m.target ?? '';
  const at = raw.lastIndexOf(`:${target}`);
  return at > 0 ? raw.slice(0, at) : raw;
}

/** `:ro` after the target (`,ro` after other options), or `read_only: true` in the long syntax. */
function readOnlyEdit(file: SourceFile, m: MountSpec): TextEdit | undefined {
  if (m.long) return m.node.type === 'map' ? appendToMap(file, m.node, () => ['read_only: true']) : undefined;
  if (!isScalar(m.node)) return undefined;
  const raw = String(m.node.value);
  const at = innerRange(m.node, raw.length, raw.length);
  if (at.start === m.node.start && at.end === m.node.end) return undefined; // not written verbatim
  return { start: at.start, end: at.start, text: m.modes.length ? ',ro' : ':ro' };
}
