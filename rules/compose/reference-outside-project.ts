import { defineRule, envFileRefs, includeEntries, isMap, isScalar, type ComposeDocument, type YNode, type YScalar } from '../kit/index.js';

/** Remote `extends.file`s, which compose fetches (the same test as the project loader's). */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|oci:)/i;

interface Reference {
  node: YScalar;
  /** What names the path, for the message: `include`, `env_file`… */
  what: string;
  abs: string;
}

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/reference-outside-project',
    kind: 'compose',
    category: 'portability',
    severity: 'warning',
    fix: 'none',
    summary: 'Files a compose file pulls in (`include`, `extends.file`, `env_file`, secret and config files, build contexts and Dockerfiles) lie inside the project',
  },
  check(ctx) {
    const doc = ctx.compose;
    const seen = new Set<YNode>();
    const report = (ref: Reference): void => {
      if (seen.has(ref.node) || !ctx.stack.outsideProject(ref.abs)) return;
      seen.add(ref.node);
      // The same words whether or not something is there: the path is never looked at.
      ctx.report({ node: ref.node, message: `${ref.what} "${doc.valueOf(ref.node)}" leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)` });
    };
    for (const ref of fileReferences(doc)) report(ref);
    for (const service of ctx.project.services) {
      const build = ctx.stack.serviceBuild(service, ctx.project);
      if (!build || build.remote) continue;
      const contextNode = build.contextNode;
      if (build.context !== undefined && contextNode?.file.path === doc.file.path && ctx.stack.outsideProject(build.context)) {
        report({ node: contextNode, what: 'build context', abs: build.context });
        continue;
      }
      const dockerfileNode = build.dockerfileNode;
      if (build.dockerfilePath !== undefined && dockerfileNode?.file.path === doc.file.path) {
        report({ node: dockerfileNode, what: 'build dockerfile', abs: build.dockerfilePath });
      }
    }
  },
});

/** The paths the parse stage would read for this file: `include`s, `extends.file`s, `env_file`s, secrets' and configs' `file`s. */
function fileReferences(doc: ComposeDocument): Reference[] {
  const out: Reference[] = [];
  const certain = (node: YScalar): string | undefined => {
    const r = doc.interpolate(node);
    return r.unset.length || r.errors.length || r.required.length || r.value === '' || r.value.startsWith('~') ? undefined : r.value;
  };
  const add = (node: YNode | undefined, what: string): void => {
    if (!isScalar(node) || node.value === null) return;
    const value = certain(node);
    if (value !== undefined && !REMOTE.test(value)) out.push({ node, what, abs: doc.resolvePath(value) });
  };
  for (const { paths } of includeEntries(doc)) for (const p of paths) add(p.node, 'include');
  for (const service of doc.services) {
    const ext = service.get('extends');
    if (isMap(ext)) add(ext.get('file'), 'extends file');
    for (const ref of envFileRefs(doc, service.get('env_file'))) add(ref.node, 'env_file');
  }
  for (const kind of ['secrets', 'configs'] as const) {
    for (const pair of doc.section(kind)?.pairs ?? []) {
      if (isMap(pair.value)) add(pair.value.get('file'), `${kind === 'secrets' ? 'secret' : 'config'} file`);
    }
  }
  return out;
}
