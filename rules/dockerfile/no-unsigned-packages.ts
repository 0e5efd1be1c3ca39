import { basename } from 'node:path';
import { defineRule, findFlag, flagValues, packageCommand, runInstructions, type ShCommand, type ShWord } from '../kit/index.js';

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/no-unsigned-packages',
    kind: 'dockerfile',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: 'Package managers keep signature checks on (no `--allow-untrusted`, `--allow-unauthenticated`, `--force-yes`, `--nogpgcheck`, `rpm --nosignature`, `gpgcheck=0`, …)',
    tags: ['security'],
    securitySeverity: 8.1,
  },
  check(ctx) {
    for (const run of runInstructions(ctx.dockerfile)) {
      for (const cmd of run.commands) {
        const found = unsigned(cmd);
        if (!found) continue;
        ctx.report({
          node: found.node,
          message: `${found.what}, so a tampered or substituted package installs without complaint; import the repository's signing key instead`,
        });
      }
    }
  },
});

function unsigned(cmd: ShCommand): { node: ShWord; what: string } | undefined {
  const pkg = packageCommand(cmd);
  if (pkg) {
    switch (pkg.manager) {
      case 'apk': {
        const w = pkg.findFlag('--allow-untrusted');
        return w && { node: w, what: 'apk --allow-untrusted installs packages whose signature is missing or unknown' };
      }
      case 'apt-get':
      case 'apt': {
        const w = pkg.findFlag('--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories');
        if (w) return { node: w, what: `${pkg.manager} ${w.value ?? w.raw} accepts packages or repositories that are not signed` };
        const o = pkg.flagValues('-o', '--option').find((v) => /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)=(1|true|yes)$/i.test(v.value ?? ''));
        return o && { node: o.word, what: `${pkg.manager} -o ${o.value} accepts packages that are not signed` };
      }
      case 'yum':
      case 'dnf':
      case 'microdnf':
      case 'zypper': {
        const w = pkg.findFlag('--nogpgcheck', '--no-gpg-checks', '--no-gpgcheck');
        if (w) return { node: w, what: `${pkg.manager} ${w.raw} skips the packages' GPG signature checks` };
        const o = pkg.flagValues('--setopt').find((v) => /(^|\.)(localpkg_|repo_)?gpgcheck=(0|false|no|off)$/i.test(v.value ?? ''));
        return o && { node: o.word, what: `${pkg.manager} --setopt=…gpgcheck=0 skips the packages' GPG signature checks` };
      }
      default:
        break;
    }
  }
  const name = cmd.name === undefined ? '' : basename(cmd.name);
  if (name === 'rpm') {
    const w = findFlag(cmd, '--nosignature', '--nodigest', '--nogpg');
    if (w) return { node: w, what: `rpm ${w.raw} installs without checking the package's signature or digest` };
  }
  if (name === 'dpkg') {
    const w = flagValues(cmd, '--force').find((v) => /bad-verify|all/.test(v.value ?? '')) ?? undefined;
    const forced = w?.word ?? cmd.args.find((a) => /^--force-(bad-verify|all)$/.test(a.value ?? ''));
    if (forced) return { node: forced, what: `dpkg ${forced.raw} installs packages whose signature does not verify` };
  }
  // writing repository configuration: gpgcheck=0 in a .repo file, [trusted=yes] on a remote apt source
  for (const a of cmd.args) {
    const v = a.value ?? a.raw;
    if (/(^|\\n|[^\w])(repo_)?gpgcheck\s*=\s*(0|false|no|off)\b/i.test(v)) return { node: a, what: 'gpgcheck=0 in a repository file turns its signature checks off' };
    if (/\btrusted\s*=\s*yes\b/i.test(v) && !/\b(file|copy|cdrom):/i.test(v)) return { node: a, what: 'an apt source marked [trusted=yes] is used without signature checks' };
    if (/APT::Get::AllowUnauthenticated\s+"?(1|true|yes)/i.test(v)) return { node: a, what: '"APT::Get::AllowUnauthenticated" in apt configuration accepts unsigned packages' };
  }
  return undefined;
}
