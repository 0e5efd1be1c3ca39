import { defineRule, packageCommands, runInstructions, type PackageManager } from '../kit/index.js';

/** Managers that read each other's index: apt and apt-get share /var/lib/apt/lists. */
const FAMILY: Partial<Record<PackageManager, string>> = { apt: 'apt', 'apt-get': 'apt', yum: 'rpm', dnf: 'rpm', microdnf: 'rpm' };

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/update-with-install',
    kind: 'dockerfile',
    category: 'images',
    severity: 'warning',
    fix: 'none',
    summary: 'A package index update (`apt-get update`, `apk update`, …) runs in the same `RUN` as the installs that use it',
    tags: ['security'],
    securitySeverity: 3.0,
  },
  check(ctx) {
    for (const run of runInstructions(ctx.dockerfile)) {
      const pkgs = packageCommands(run.commands).filter((p) => p.system);
      const family = (m: PackageManager) => FAMILY[m] ?? m;
      for (const p of pkgs) {
        if (p.action !== 'update-index' || !p.subcommandWord) continue;
        const used = pkgs.some((q) => family(q.manager) === family(p.manager) && (q.action === 'install' || q.action === 'upgrade'));
        if (used) continue;
        ctx.report({
          range: { start: p.toolWord.start, end: p.subcommandWord.end },
          message: `${p.manager} ${p.subcommand} alone in a RUN is cached as its own layer, so later installs keep using the stale index and miss security updates; update and install in the same RUN`,
        });
      }
    }
  },
});
