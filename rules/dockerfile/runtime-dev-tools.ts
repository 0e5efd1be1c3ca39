import { defineRule, devPackageKind, packageCommands, runInstructions, type ShWord } from '../kit/index.js';

const WHAT = { editor: 'an editor', debugger: 'a debugger' } as const;

/** Final stages that are meant to hold tools: a development or test image built last. */
const TOOL_STAGES = /^(?:dev|devel|develop|development|debug|test|tests|testing|ci|local)$/;

export default defineRule<'dockerfile', { extra: string[] }>({
  meta: {
    id: 'dockerfile/runtime-dev-tools',
    kind: 'dockerfile',
    category: 'images',
    severity: 'warning',
    fix: 'none',
    summary: 'The final stage of a multi-stage build installs no editors or debuggers',
    options: {
      type: 'object',
      properties: { extra: { type: 'array', items: { type: 'string' }, default: [] } },
      additionalProperties: false,
    },
  },
  check(ctx) {
    const doc = ctx.dockerfile;
    const final = doc.finalStage;
    if (!final || doc.stages.length < 2 || TOOL_STAGES.test(final.name ?? '')) return;
    const extra = new Set(ctx.options.extra.map((p) => p.toLowerCase()));
    const installed: { word: ShWord; name: string; what: string; group: string | undefined }[] = [];
    const removed = new Set<string>();
    for (const run of runInstructions(final)) {
      for (const pkg of packageCommands(run.commands)) {
        if (!pkg.system) continue;
        const names = pkg.packages.filter((p) => !p.local && !p.dynamic);
        if (pkg.action === 'remove') names.forEach((p) => removed.add(p.name.toLowerCase()));
        if (pkg.action !== 'install') continue;
        const group = pkg.manager === 'apk' ? pkg.flagValues('--virtual', '-t').at(-1)?.value : undefined;
        for (const p of names) {
          const name = p.name.toLowerCase();
          // Compilers, build tools and headers are dockerfile/multi-stage's, which reports them in any final image.
          const kind = devPackageKind(name);
          const what = kind === 'editor' || kind === 'debugger' ? WHAT[kind] : kind === undefined && extra.has(name) ? 'a development tool' : undefined;
          if (what) installed.push({ word: p.word, name, what, group });
        }
      }
    }
    // Installed to build something and removed again in the stage: what stays is the concern of layer hygiene, not of this rule.
    for (const tool of installed) {
      if (removed.has(tool.name) || (tool.group !== undefined && removed.has(tool.group.toLowerCase()))) continue;
      ctx.report({
        node: tool.word,
        message: `the final stage installs ${tool.name}, ${tool.what}, into the runtime image: it makes the image bigger and hands whoever breaks in a tool; build in an earlier stage and copy only the result`,
      });
    }
  },
});
