import { defineRule, packageCommands, runInstructions, type PackageArg, type PackageCommand } from '../kit/index.js';

type Family = 'apt' | 'pip' | 'npm' | 'apk' | 'gem' | 'yum' | 'dnf' | 'zypper' | 'go';
type Options = Record<Family, boolean>;

const FAMILY: Partial<Record<PackageCommand['manager'], Family>> = {
  'apt-get': 'apt', apt: 'apt', pip: 'pip', npm: 'npm', apk: 'apk', gem: 'gem', yum: 'yum', dnf: 'dnf', microdnf: 'dnf', zypper: 'zypper', go: 'go',
};

const HOW: Record<Family, string> = {
  apt: 'apt-get install <package>=<version>',
  pip: 'pip install <package>==<version>',
  npm: 'npm install <package>@<version>',
  apk: 'apk add <package>=<version>',
  gem: 'gem install <gem>:<version>',
  yum: 'yum install <package>-<version>',
  dnf: 'dnf install <package>-<version>',
  zypper: 'zypper install <package>=<version>',
  go: 'go install <module>@<version>',
};

/** hadolint's code for each family. */
const CODE: Record<Family, string> = {
  apt: 'DL3008', pip: 'DL3013', npm: 'DL3016', apk: 'DL3018', gem: 'DL3028', yum: 'DL3033', zypper: 'DL3037', dnf: 'DL3041', go: 'DL3062',
};

const bool = { type: 'boolean', default: true } as const;

export default defineRule<'dockerfile', Options>({
  meta: {
    id: 'dockerfile/pin-package-versions',
    kind: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    fix: 'none',
    summary: 'Packages installed with apt-get, pip, npm, apk, gem, yum, dnf, zypper and go name a version',
    recommended: false,
    options: {
      type: 'object',
      properties: { apt: bool, pip: bool, npm: bool, apk: bool, gem: bool, yum: bool, dnf: bool, zypper: bool, go: bool },
      additionalProperties: false,
    },
    compat: { hadolint: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'] },
  },
  check(ctx) {
    for (const view of runInstructions(ctx.dockerfile)) {
      for (const p of packageCommands(view.commands)) {
        const family = FAMILY[p.manager];
        if (!family || !ctx.options[family] || p.action !== 'install') continue;
        if (p.manager === 'go' && p.subcommand !== 'install' && p.subcommand !== 'get') continue;
        for (const arg of unpinned(p)) {
          ctx.report({
            node: arg.word,
            compat: CODE[family],
            message: `${p.manager} installs "${arg.text}" without a version, so every build may get a different one; use ${HOW[family]}`,
          });
        }
      }
    }
  },
});

/** The package arguments that name no version. Words with variables get the benefit of the doubt. */
function unpinned(p: PackageCommand): PackageArg[] {
  const judged = p.packages.filter((a) => !a.dynamic && a.text !== '');
  switch (p.manager) {
    case 'pip':
      // a constraints file pins everything
      if (p.hasFlag('-c', '--constraint')) return [];
      return judged.filter((a) => (isVcs(a.text) ? !/@[^/@]+$/.test(a.text.replace(/#.*$/, '')) : !a.version && !a.local));
    case 'npm':
      return judged.filter((a) => (/^(git\+|git:|github:)/i.test(a.text) ? !a.text.includes('#') : !a.version && !a.local));
    case 'gem':
      if (p.flagValues('-v', '--version').length) return [];
      return judged.filter((a) => !a.version && !a.local);
    case 'go':
      return judged.filter((a) => !a.local && (!a.version || /^(latest|master|main|HEAD|upgrade|patch)$/.test(a.version)));
    case 'yum':
    case 'dnf':
    case 'microdnf':
      // `dnf module install tomcat:9` names a stream; `@group` names a group
      if (isModule(p)) return judged.filter((a) => !a.text.includes(':'));
      // groups (`dnf group install`, `groupinstall`) have no version to name
      if (isGroup(p)) return [];
      return judged.filter((a) => !a.version && !a.local && !a.text.startsWith('@'));
    default:
      return judged.filter((a) => !a.version && !a.local);
  }
}

const isVcs = (t: string): boolean => /^(git|hg|svn|bzr)\+/.test(t);

function isModule(p: PackageCommand): boolean {
  return subcommandAfter(p, 'module');
}

function isGroup(p: PackageCommand): boolean {
  return p.subcommand === 'groupinstall' || subcommandAfter(p, 'group');
}

/** `dnf <word> install`: the subcommand comes after `word` (`module`, `group`). */
function subcommandAfter(p: PackageCommand, word: string): boolean {
  const sub = p.subcommandWord;
  return !!sub && p.view.args.some((w) => w.value === word && w.start < sub.start);
}
