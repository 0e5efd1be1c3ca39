import { defineRule } from '../../src/engine/define.js';
import { packageCommands, runInstructions, type PackageCommand } from '../../src/parse/dockerfile/packages.js';
import { mountsCacheOn, removesPath } from '../../src/parse/dockerfile/run-commands.js';

const CACHE = ['/var/cache/yum'];
const prompts = (p: PackageCommand): boolean => p.action === 'install' || p.action === 'remove' || p.action === 'upgrade';
const cleansAll = (p: PackageCommand): boolean => p.action === 'clean' && p.view.args.some((a) => a.value === 'all');

export default defineRule({
  meta: {
    id: 'dockerfile/yum-hygiene',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`yum` runs non-interactively (`-y`) and its cache is cleaned in the same `RUN` (`yum clean all`)',
    compat: { hadolint: ['DL3030', 'DL3032'] },
  },
  check(ctx) {
    for (const view of runInstructions(ctx.dockerfile)) {
      const yum = packageCommands(view.commands).filter((p) => p.manager === 'yum');
      for (const p of yum) {
        if (!prompts(p) || !p.subcommandWord || p.hasFlag('-y', '--assumeyes')) continue;
        ctx.report({
          node: p.subcommandWord,
          message: `yum ${p.subcommand} without -y waits for a confirmation no one can give during a build`,
          fix: { description: 'add -y', edits: [{ start: p.subcommandWord.end, end: p.subcommandWord.end, text: ' -y' }] },
        });
      }
      const install = yum.filter((p) => p.action === 'install').at(-1);
      if (!install) continue;
      if (yum.some((p) => cleansAll(p) && p.command.start > install.command.start)) continue;
      if (removesPath(view.commands, ...CACHE) || mountsCacheOn(view, CACHE)) continue;
      ctx.report({
        node: install.toolWord,
        message: 'yum install leaves its metadata and package cache in the layer; end the RUN with && yum clean all (or mount /var/cache/yum as a cache)',
      });
    }
  },
});
