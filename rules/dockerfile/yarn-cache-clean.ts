import { defineRule, packageCommands, runInstructions } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/yarn-cache-clean',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'info',
    fix: 'none',
    summary: '`yarn install` in an image stage is followed by `yarn cache clean` in the same `RUN`, unless the cache is a mount',
    compat: { hadolint: ['DL3060'] },
  },
  check(ctx) {
    const imageStages = new Set(ctx.dockerfile.imageStages);
    for (const view of runInstructions(ctx.dockerfile)) {
      // Builder stages that only hand files over with COPY --from never ship their cache.
      if (!view.onbuild && (!view.stage || !imageStages.has(view.stage))) continue;
      if (view.mounts.some((m) => m.type === 'cache' || m.type === 'tmpfs')) continue;
      const yarn = packageCommands(view.commands).filter((p) => p.manager === 'yarn');
      // bare `yarn` installs too, but `yarn --version` / `yarn --help` do not
      const install = yarn
        .filter((p) => p.action === 'install' && (p.subcommand === 'install' || (p.subcommand === undefined && !p.hasFlag('-v', '--version', '-h', '--help'))))
        .at(-1);
      if (!install) continue;
      if (yarn.some((p) => p.action === 'clean' && p.command.start > install.command.start)) continue;
      ctx.report({
        node: install.toolWord,
        message: 'yarn install leaves its package cache in the layer; add && yarn cache clean in the same RUN, or mount the cache with --mount=type=cache',
      });
    }
  },
});
