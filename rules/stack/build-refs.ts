import path from 'node:path';
import { defineRule, didYouMean, type ServiceBuild } from '../kit/index.js';

export default defineRule<'stack', Record<string, never>>({
  meta: {
    id: 'stack/build-refs',
    kind: 'stack',
    category: 'builds',
    severity: 'error',
    fix: 'none',
    summary: 'A service build names a context and a Dockerfile that exist, and a `target` that is a stage of that Dockerfile',
  },
  parts: [
    {
      scope: 'environment',
      check(ctx) {
        const { project, report } = ctx;
        for (const service of project.services) {
          const build = ctx.stack.serviceBuild(service, project);
          if (!build || build.remote) continue;
          const where = `service "${service.name}"`;
          const shown = (abs: string) => relative(build, abs);
          if (build.contextState === 'missing' || build.contextState === 'file') {
            report({
              node: build.contextNode ?? build.node,
              message: `${where} builds from the context "${shown(build.context!)}", which ${build.contextState === 'file' ? 'is a file, not a folder' : 'does not exist'}`,
            });
            continue;
          }
          if (build.dockerfilePath !== undefined && (build.dockerfileState === 'missing' || build.dockerfileState === 'dir')) {
            const what = build.dockerfileState === 'dir' ? 'is a folder, not a file' : 'does not exist';
            report({
              node: build.dockerfileNode ?? build.contextNode ?? build.node,
              message: build.defaultDockerfile
                ? `${where} builds the context "${shown(build.context!)}", which has no Dockerfile; name the file with build.dockerfile`
                : `${where} builds from the Dockerfile "${shown(build.dockerfilePath)}", which ${what}`,
            });
            continue;
          }
          const doc = build.dockerfile;
          if (!doc || !build.targetNode || build.target === undefined) continue;
          const names = doc.stages.flatMap((s) => (s.name ? [s.name] : []));
          if (names.includes(build.target.toLowerCase())) continue;
          const file = build.inline ? 'the inline Dockerfile' : shown(doc.file.path);
          report({
            node: build.targetNode,
            message: `${where} builds the target "${build.target}", which is not a stage of ${file} (${names.length ? `its stages: ${names.join(', ')}` : 'it names no stages'})${didYouMean(build.target, names)}`,
          });
        }
      },
    },
  ],
});

/** A path as the project shows it: relative to the project folder, `/`-separated. */
function relative(build: ServiceBuild, abs: string): string {
  const rel = path.relative(build.project.directory, abs).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}
