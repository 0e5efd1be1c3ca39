import {
  checkEnvironments,
  defineRule,
  isMap,
  isScalar,
  laterOf,
  relativeResourceFile,
  type ComposeProject,
  type YMap,
  type YNode,
} from '../kit/index.js';

const SOURCES = {
  secrets: ['file', 'environment'],
  configs: ['file', 'environment', 'content'],
} as const;

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/secret-source',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'Every top-level secret and config has exactly one source (`file`, `environment`, `content` for configs, or `external`), and a relative `file` exists',
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      if (project.partial) return;
      for (const kind of ['secrets', 'configs'] as const) {
        const section = project.section(kind);
        if (!section) continue;
        const noun = kind === 'secrets' ? 'secret' : 'config';
        for (const pair of section.pairs) {
          const def: YMap | undefined = isMap(pair.value) ? pair.value : undefined;
          const external = def?.get('external');
          const isExternal = external !== undefined && !(isScalar(external) && (external.value === false || external.value === null || project.valueOf(external) === 'false'));
          const set = SOURCES[kind].filter((k) => def?.get(k) !== undefined && !(isScalar(def.get(k)) && (def.get(k) as { value: unknown }).value === null));
          const options = kind === 'secrets' ? '"file", "environment" or "external: true"' : '"file", "environment", "content" or "external: true"';
          if (!set.length && !isExternal) {
            report({ node: pair.keyNode, message: `${noun} "${pair.key}" has no source: set ${options}` });
          } else if (set.length + (isExternal ? 1 : 0) > 1) {
            const all = [...set, ...(isExternal ? ['external'] : [])];
            const keys = all.map((k) => def!.pair(k)!.keyNode);
            report({ node: keys.reduce((a, b) => laterOf(project, a, b)), message: `${noun} "${pair.key}" sets ${all.map((k) => `"${k}"`).join(' and ')}; compose takes exactly one source` });
          }
          const file = isExternal ? undefined : def?.get('file');
          if (file && isMissing(project, file)) {
            report({ node: file, message: `${noun} "${pair.key}" reads the file "${project.valueOf(file)}", which does not exist; services that use it fail to start` });
          }
        }
      }
    });
  },
});

/**
 * The parse stage found nothing at a relative `file:` (resolved against the
 * folder of the file that writes it). Absolute paths and `~` are not looked
 * for: the file may exist on the host that runs compose.
 */
function isMissing(project: ComposeProject, node: YNode): boolean {
  const doc = project.documentOf(node);
  const abs = doc && relativeResourceFile(doc, node);
  return abs !== undefined && doc!.resourceFiles.get(abs) === 'missing';
}
