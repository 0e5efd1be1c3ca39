import { defineRule } from '../../src/engine/define.js';
import { packageCommands, runInstructions, type PackageCommand } from '../../src/parse/dockerfile/packages.js';
import { mountsCacheOn, removesPath } from '../../src/parse/dockerfile/run-commands.js';

const CACHE = ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'];
const prompts = (p: PackageCommand): boolean => p.action === 'install' || p.action === 'remove' || p.action === 'upgrade';
const cleansAll = (p: PackageCommand): boolean => p.action === 'clean' && p.view.args.some((a) => a.value === 'all');

export default defineRule({
  meta: {
    id: 'dockerfile/dnf-hygiene',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`dnf` runs non-interactively (`-y`) and `dnf`/`microdnf` caches are cleaned in the same `RUN` (`dnf clean all`)',
    compat: { hadolint: ['DL3038', 'DL3040'] },
  },
  check(ctx) {
    for (const view of runInstructions(ctx.dockerfile)) {
      const dnf = packageCommands(view.commands).filter((p) => p.manager === 'dnf' || p.manager === 'microdnf');
      for (const p of dnf) {
        // microdnf never asks; dnf does.
        if (p.manager !== 'dnf' || !prompts(p) || !p.subcommandWord || p.hasFlag('-y', '--assumeyes')) continue;
        ctx.report({
          node: p.subcommandWord,
          message: `dnf ${p.subcommand} without -y waits for a confirmation no one can give during a build`,
          fix: { description: 'add -y', edits: [{ start: p.subcommandWord.end, end: p.subcommandWord.end, text: ' -y' }] },
        });
      }
      const install = dnf.filter((p) => p.action === 'install').at(-1);
      if (!install) continue;
      if (dnf.some((p) => cleansAll(p) && p.command.start > install.command.start)) continue;
      if (removesPath(view.commands, ...CACHE) || mountsCacheOn(view, CACHE)) continue;
      ctx.report({
        node: install.toolWord,
        message: `${install.manager} install leaves its metadata and package cache in the layer; end the RUN with && ${install.manager} clean all (or mount /var/cache/dnf as a cache)`,
      });
    }
  },
});
