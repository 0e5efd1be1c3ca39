import { defineRule, mountsCacheOn, packageCommands, removesPath, runInstructions } from '../kit/index.js';

const CACHE = ['/var/cache/zypp'];
/** Subcommands that change packages and so ask for confirmation. */
const PROMPTING = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'install-new-recommends', 'inr']);

export default defineRule({
  meta: {
    id: 'dockerfile/zypper-hygiene',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`zypper` runs non-interactively, never `dist-upgrade`s, and cleans its cache in the same `RUN`',
    compat: { hadolint: ['DL3034', 'DL3035', 'DL3036'] },
  },
  check(ctx) {
    for (const view of runInstructions(ctx.dockerfile)) {
      const zypper = packageCommands(view.commands).filter((p) => p.manager === 'zypper');
      for (const p of zypper) {
        const verb = p.subcommand ?? '';
        if (!p.subcommandWord) continue;
        if (verb === 'dist-upgrade' || verb === 'dup') {
          ctx.report({ node: p.subcommandWord, compat: 'DL3035', message: `zypper ${verb} upgrades the whole distribution inside a build; move to a newer base image instead` });
        }
        if (PROMPTING.has(verb) && !p.hasFlag('-n', '--non-interactive', '-y', '--no-confirm')) {
          ctx.report({
            node: p.subcommandWord,
            compat: 'DL3034',
            message: `zypper ${verb} without -n (--non-interactive) or -y waits for a confirmation no one can give during a build`,
            fix: { description: 'add --non-interactive', edits: [{ start: p.toolWord.end, end: p.toolWord.end, text: ' --non-interactive' }] },
          });
        }
      }
      const install = zypper.filter((p) => p.action === 'install').at(-1);
      if (!install) continue;
      if (zypper.some((p) => p.action === 'clean' && p.command.start > install.command.start)) continue;
      if (removesPath(view.commands, ...CACHE) || mountsCacheOn(view, CACHE)) continue;
      ctx.report({
        node: install.toolWord,
        compat: 'DL3036',
        message: 'zypper install leaves its package cache in the layer; end the RUN with && zypper clean (or mount /var/cache/zypp as a cache)',
      });
    }
  },
});
