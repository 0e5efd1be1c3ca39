import { defineRule, packageCommands, runInstructions } from '../kit/index.js';

/** `zypper dist-upgrade` has a rule of its own (hadolint DL3035). */
const LEFT_TO_OTHERS = new Set(['dist-upgrade', 'dup']);

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/no-package-upgrade',
    kind: 'dockerfile',
    category: 'images',
    severity: 'info',
    fix: 'none',
    summary: 'A `RUN` does not upgrade every installed package (`apt-get upgrade`, `dist-upgrade`, `apk upgrade`, `dnf upgrade`); update the base image instead',
    compat: { hadolint: ['DL3005'] },
    recommended: false,
    tags: ['security'],
    securitySeverity: 2.0,
  },
  check(ctx) {
    for (const run of runInstructions(ctx.dockerfile)) {
      for (const p of packageCommands(run.commands)) {
        if (!p.system || p.action !== 'upgrade' || p.packages.length || !p.subcommandWord) continue;
        if (p.manager === 'zypper' && LEFT_TO_OTHERS.has(p.subcommand ?? '')) continue;
        ctx.report({
          range: { start: p.toolWord.start, end: p.subcommandWord.end },
          // hadolint's code covers apt only; its finding for dnf, apk or yum has none
          ...(p.manager === 'apt-get' || p.manager === 'apt' ? { compat: 'DL3005' } : {}),
          message: `${p.manager} ${p.subcommand} upgrades whatever the mirrors serve on the day of the build, so two builds of the same commit differ; pull a newer base image (or upgrade named packages) instead`,
        });
      }
    }
  },
});
