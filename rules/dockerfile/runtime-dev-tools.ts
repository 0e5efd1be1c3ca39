import { defineRule, packageCommands, runInstructions, type ShWord } from '../kit/index.js';

/** Packages that only building, editing or debugging needs, by what they are. */
const DEV_TOOLS: Readonly<Record<string, string>> = {
  vim: 'an editor', 'vim-tiny': 'an editor', 'vim-minimal': 'an editor', nano: 'an editor', emacs: 'an editor', 'emacs-nox': 'an editor',
  gdb: 'a debugger', strace: 'a debugger', ltrace: 'a debugger', valgrind: 'a debugger',
  gcc: 'a compiler', 'g++': 'a compiler', 'gcc-c++': 'a compiler', clang: 'a compiler', 'build-base': 'a compiler toolchain',
  'build-essential': 'a compiler toolchain', 'musl-dev': 'a compiler toolchain', make: 'a build tool', cmake: 'a build tool',
  autoconf: 'a build tool', automake: 'a build tool', libtool: 'a build tool', cargo: 'a compiler toolchain', rust: 'a compiler toolchain',
  go: 'a compiler toolchain', golang: 'a compiler toolchain',
};

/** Final stages that are meant to hold tools: a development or test image built last. */
const TOOL_STAGES = /^(?:dev|devel|develop|development|debug|test|tests|testing|ci|local)$/;

export default defineRule<'dockerfile', { extra: string[] }>({
  meta: {
    id: 'dockerfile/runtime-dev-tools',
    kind: 'dockerfile',
    category: 'images',
    severity: 'warning',
    fix: 'none',
    summary: 'The final stage of a multi-stage build installs no compilers, editors or debuggers',
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
          const what = DEV_TOOLS[name] ?? (extra.has(name) ? 'a development tool' : undefined);
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
