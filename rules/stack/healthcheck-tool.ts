import path from 'node:path';
import {
  baseImageFacts,
  defineRule,
  healthcheckTest,
  isScalar,
  JUDGED_TOOLS,
  toolIn,
  toolInFacts,
  type BaseImageFacts,
  type ComposeProject,
  type ProjectService,
  type StackModel,
} from '../kit/index.js';

export default defineRule<'stack', Record<string, never>>({
  meta: {
    id: 'stack/healthcheck-tool',
    kind: 'stack',
    category: 'health',
    severity: 'error',
    fix: 'none',
    summary: 'A healthcheck runs programs the image has: `curl`, `wget`, `nc`, `bash`, a shell for `CMD-SHELL`, and any program of an image whose programs are all known',
  },
  parts: [
    {
      scope: 'environment',
      check(ctx) {
        const { project, report } = ctx;
        for (const service of project.services) {
          const test = healthcheckTest(project, service);
          if (!test) continue;
          // The tools the table knows, and the program an exec-form test runs by name (judged where the image's programs are all known).
          const needs = test.programs.filter((p) => !p.guarded && (JUDGED_TOOLS.has(p.name) || (test.form === 'CMD' && p === test.programs[0] && bareName(p))));
          const where = `service "${service.name}"`;
          if (test.shellNode) {
            const shell = lacks(ctx.stack, project, service, 'sh');
            if (shell) {
              report({
                node: test.shellNode,
                message: `${where}'s healthcheck runs through /bin/sh (CMD-SHELL), but ${shell.image} has no shell${shell.why}; use the exec form ["CMD", …] with a program the image has`,
              });
              continue;
            }
          }
          for (const program of needs) {
            const missing = lacks(ctx.stack, project, service, program.name);
            if (!missing) continue;
            report({
              range: program,
              file: program.file,
              message: `${where}'s healthcheck runs ${program.name}, but ${missing.image} has no ${program.name}${missing.why}${advice(program.name, missing.facts)}`,
            });
          }
        }
      },
    },
  ],
});

interface Lack {
  /** How the image is named: `its image (alpine:3.21, built by api/Dockerfile)`. */
  image: string;
  /** Why: `: alpine ships wget (the busybox applet) but not curl`. */
  why: string;
  facts: BaseImageFacts | undefined;
}

/** The image the service runs surely lacks the tool: its build's image, else the image it pulls. */
function lacks(stack: StackModel, project: ComposeProject, service: ProjectService, tool: string): Lack | undefined {
  const build = stack.serviceBuild(service, project);
  if (build) {
    const image = stack.serviceImage(service, project);
    if (!image) return undefined;
    const answer = toolIn(image, tool);
    if (answer.status !== 'no') return undefined;
    const file = image.build.inline ? 'an inline Dockerfile' : relPath(project, image.dockerfile.file.path);
    const stage = image.stage.name && image.stage !== image.dockerfile.finalStage ? `, stage "${image.stage.name}"` : '';
    const named = `its image (${answer.base ?? 'scratch'}, built by ${file}${stage})`;
    if (answer.decidedBy) {
      const line = image.dockerfile.file.lines.range(answer.decidedBy).start.line;
      return { image: named, why: `: line ${line} of ${file} removes it`, facts: answer.facts };
    }
    return { image: named, why: baseWhy(answer.facts, tool, 'the Dockerfile does not install it'), facts: answer.facts };
  }
  const imageNode = service.get('image');
  if (!isScalar(imageNode) || imageNode.value === null) return undefined;
  const r = project.interpolate(imageNode);
  if (r.unset.length || r.errors.length) return undefined;
  const ref = r.value.trim();
  const facts = baseImageFacts(ref);
  if (toolInFacts(facts, tool) !== 'no') return undefined;
  return { image: `its image ${ref}`, why: baseWhy(facts, tool, undefined), facts };
}

/** The test names the program alone (`["CMD", "service", …]`), to be found on PATH, not a path into files the image may hold. */
function bareName(program: { node: { value: unknown } }): boolean {
  return !String(program.node.value).includes('/');
}

function baseWhy(facts: BaseImageFacts | undefined, tool: string, tail: string | undefined): string {
  if (!facts) return tail ? ` (${tail})` : '';
  const has = Object.entries(facts.tools).filter(([t, v]) => v && t !== tool && t !== 'sh').map(([t]) => (facts.notes[t] ? `${t} (${facts.notes[t]})` : t));
  const ships = has.length ? `${facts.label} ships ${has.join(' and ')} but not ${tool}` : `${facts.label} does not ship ${tool}`;
  return `: ${ships}${tail ? ` and ${tail}` : ''}`;
}

function advice(tool: string, facts: BaseImageFacts | undefined): string {
  if (tool === 'curl' && facts?.tools.wget) return `; install curl in the image's last stage, or use ["CMD", "wget", "-q", "--spider", URL]`;
  return `; install ${tool} in the image's last stage, or check health with a program the image has`;
}

function relPath(project: ComposeProject, abs: string): string {
  return path.relative(project.directory, abs).split(path.sep).join('/') || path.basename(abs);
}
