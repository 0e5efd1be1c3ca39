import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseHadolintConfig, parseShellcheckRc } from '../../src/config/peers.js';
import { ConfigError } from '../../src/config/index.js';
import { cli } from '../helpers/cli.js';
import { project } from './helpers.js';

const DOCKERFILE = `FROM ubuntu:latest
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN echo one
RUN echo two
LABEL version="1.0" vendor="acme"
USER 1000
CMD ["curl", "--version"]
`;
const SCRIPT = '#!/bin/bash\nset -euo pipefail\ncd $1\necho $HOME\n';
const HADOLINT = `ignored:
  - DL3059
override:
  warning:
    - DL3007
trustedRegistries:
  - ghcr.io
label-schema:
  version: semver
strict-labels: true
`;
const SHELLCHECKRC = '# quoting is reviewed by hand here\ndisable=SC2086\n';
/** consecutive-run (DL3059) and quote-expansions (SC2086) are not in recommended: these projects use strict, which has them. */
const STRICT = { '.stackpolicyrc.yaml': 'extends: [stack-lint:strict]\n' };

/** Findings as `file:line:col severity rule message`. */
async function findings(root: string, ...flags: string[]): Promise<string[]> {
  const run = await cli(['--format', 'json', ...flags, '.'], root);
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { ruleId: string; line: number; column: number; severity: string; message: string }[] }[] };
  return report.files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`));
}

const BEFORE = [
  'Dockerfile:1:6 info dockerfile/healthcheck the image declares no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one',
  'Dockerfile:1:6 error dockerfile/pinned-base-image base image "ubuntu:latest" uses the mutable tag "latest"',
  'Dockerfile:4:1 info dockerfile/consecutive-run this RUN and the one on line 3 each run a single command; joining them with && makes one layer instead of two',
  'deploy.sh:3:4 error shell/quote-expansions unquoted $1 is split into words and glob-expanded; double-quote it to pass the value as one argument',
  'deploy.sh:4:6 error shell/quote-expansions unquoted $HOME is split into words and glob-expanded; double-quote it to pass the value as one argument',
];

const AFTER = [
  // override.warning: DL3007
  'Dockerfile:1:6 warning dockerfile/pinned-base-image base image "ubuntu:latest" uses the mutable tag "latest"',
  // trustedRegistries turns DL3026 on
  'Dockerfile:1:6 error dockerfile/trusted-registries base image "ubuntu:latest" comes from docker.io, which is not an allowed registry ("ghcr.io")',
  // label-schema and strict-labels
  'Dockerfile:5:15 warning dockerfile/label-schema label "version" value "1.0" does not conform to semantic versioning',
  'Dockerfile:5:21 warning dockerfile/label-schema label "vendor" is not in the label schema (strict labels)',
  // DL3059 ignored; SC2086 disabled in the script
];

/** The same under strict, as the first tests' projects lint: healthcheck is on, and strict makes label-schema's warnings errors. */
const AFTER_STRICT = [
  'Dockerfile:1:6 info dockerfile/healthcheck the image declares no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one',
  'Dockerfile:1:6 warning dockerfile/pinned-base-image base image "ubuntu:latest" uses the mutable tag "latest"',
  'Dockerfile:1:6 error dockerfile/trusted-registries base image "ubuntu:latest" comes from docker.io, which is not an allowed registry ("ghcr.io")',
  'Dockerfile:5:15 error dockerfile/label-schema label "version" value "1.0" does not conform to semantic versioning',
  'Dockerfile:5:21 error dockerfile/label-schema label "vendor" is not in the label schema (strict labels)',
];

describe("peers' configs", () => {
  it('a .hadolint.yaml and a .shellcheckrc change the findings as hadolint and ShellCheck would', async () => {
    const root = project({ ...STRICT, Dockerfile: DOCKERFILE, 'deploy.sh': SCRIPT });
    expect(await findings(root)).toEqual(BEFORE);
    const withPeers = project({ ...STRICT, Dockerfile: DOCKERFILE, 'deploy.sh': SCRIPT, '.hadolint.yaml': HADOLINT, '.shellcheckrc': SHELLCHECKRC });
    expect(await findings(withPeers)).toEqual(AFTER_STRICT);
  });

  it('are data files: --no-code-config still reads them', async () => {
    const root = project({ ...STRICT, Dockerfile: DOCKERFILE, 'deploy.sh': SCRIPT, '.hadolint.yaml': HADOLINT, '.shellcheckrc': SHELLCHECKRC });
    expect(await findings(root, '--no-code-config')).toEqual(AFTER_STRICT);
  });

  it('are found upwards from the file, and not above the repository root', async () => {
    const root = project({ ...STRICT, 'svc/deep/Dockerfile': DOCKERFILE, '.hadolint.yml': 'ignored: [DL3059, DL3057, DL3007]\n' });
    expect(await findings(root)).toEqual([]);
    const outside = project({ 'repo/Dockerfile': DOCKERFILE, 'repo/.stackpolicyrc.yaml': STRICT['.stackpolicyrc.yaml'], '.hadolint.yml': 'ignored: [DL3059]\n' }, { git: false });
    await import('node:fs').then((fs) => fs.mkdirSync(`${outside}/repo/.git`));
    expect((await findings(`${outside}/repo`)).map((f) => f.split(' ')[2])).toContain('dockerfile/consecutive-run');
  });

  it('.stackpolicyrc says otherwise: its rules win over the peer config', async () => {
    const root = project({
      Dockerfile: DOCKERFILE,
      '.hadolint.yaml': HADOLINT,
      '.stackpolicyrc.yaml': 'rules:\n  DL3059: warning\n  dockerfile/trusted-registries: off\n',
    });
    const got = await findings(root);
    expect(got).toContain('Dockerfile:4:1 warning dockerfile/consecutive-run this RUN and the one on line 3 each run a single command; joining them with && makes one layer instead of two');
    expect(got.some((f) => f.includes('trusted-registries'))).toBe(false);
    expect(got).toContain('Dockerfile:1:6 warning dockerfile/pinned-base-image base image "ubuntu:latest" uses the mutable tag "latest"');
  });

  it("failure-threshold decides which Dockerfile findings fail the run, as hadolint's exit code does", async () => {
    const dockerfile = 'FROM ubuntu:latest\nUSER 1000\nCMD ["true"]\n';
    const script = '#!/bin/sh\nset -eu\nrm -rf $DIR/\n';
    const code = async (files: Record<string, string>, ...flags: string[]) => (await cli([...flags, '.'], project(files))).code;
    // DL3007 made a warning: it fails the run only at a warning threshold.
    const asWarning = 'override:\n  warning: [DL3007]\n';
    expect(await code({ Dockerfile: dockerfile, '.hadolint.yaml': asWarning })).toBe(0);
    expect(await code({ Dockerfile: dockerfile, '.hadolint.yaml': `${asWarning}failure-threshold: warning\n` })).toBe(1);
    expect(await code({ Dockerfile: dockerfile, '.hadolint.yaml': `${asWarning}failure-threshold: style\n` })).toBe(1);
    // none: Dockerfile errors do not fail the run; a script's error still does (hadolint never saw it).
    expect(await code({ Dockerfile: dockerfile, '.hadolint.yaml': 'failure-threshold: none\n' })).toBe(0);
    expect(await code({ Dockerfile: dockerfile, 'clean.sh': script, '.hadolint.yaml': 'failure-threshold: ignore\n' })).toBe(1);
    // error: as without a threshold.
    expect(await code({ Dockerfile: dockerfile, '.hadolint.yaml': 'failure-threshold: error\n' })).toBe(1);
    // Not looked up: stack-lint's own severities.
    expect(await code({ Dockerfile: dockerfile, '.hadolint.yaml': 'failure-threshold: none\n' }, '--no-config-lookup')).toBe(1);
  });

  it('the run reads .hadolint.yaml once: the CLI takes failure-threshold from the config loader', async () => {
    const { writeFileSync } = await import('node:fs');
    const { run } = await import('../../src/runner/run.js');
    const root = project({ 'svc/Dockerfile': 'FROM ubuntu:latest\nUSER 1000\nCMD ["true"]\n', '.hadolint.yaml': 'failure-threshold: none\n' });
    let loader: import('../../src/config/index.js').ConfigLoader | undefined;
    await run({ cwd: root, patterns: ['.'] }, undefined, { onConfig: (l) => (loader = l) });
    const used = (await loader!.forFile(`${root}/svc/Dockerfile`)).peer;
    expect(used?.kind).toBe('hadolint');
    // changed on disk: what the loader read for the Dockerfile is what the CLI gets, not a second read
    writeFileSync(`${root}/.hadolint.yaml`, 'failure-threshold: error\n');
    expect(loader!.hadolintConfigAt(root)).toBe(used);
    expect(loader!.hadolintConfigAt(root)?.failureThreshold).toBe('none');
  });

  it('a broken peer config is a config error naming the file and key (exit 2)', async () => {
    const root = project({ Dockerfile: DOCKERFILE, '.hadolint.yaml': 'override:\n  fatal: [DL3007]\n' });
    const run = await cli(['.'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.hadolint.yaml');
    expect(run.stderr).toContain('unknown severity "fatal"; expected error, warning, info or style');
  });
});

describe('.shellcheckrc', () => {
  it('reads disable lists, bare numbers, ranges, all, enable, shell and source-path', () => {
    const rc = parseShellcheckRc('/r/.shellcheckrc', 'disable=2086,SC2164 # trailing\n# comment\ndisable=SC2000-SC2099\nenable=require-variable-braces\nshell=sh\nsource-path=SCRIPTDIR\n', ['SC2046', 'SC2115', 'SC2164']);
    expect(rc).toEqual({ kind: 'shellcheckrc', file: '/r/.shellcheckrc', disable: ['SC2086', 'SC2164', 'SC2046'], enable: ['require-variable-braces'], shell: 'sh', sourcePath: ['SCRIPTDIR'] });
    expect(parseShellcheckRc('/r/.shellcheckrc', 'disable=all\n').disable).toEqual(['all']);
  });

  it('a line without = is an error naming file and line', () => {
    expect(() => parseShellcheckRc('/r/.shellcheckrc', '\ndisable SC2086\n')).toThrow(ConfigError);
    expect(() => parseShellcheckRc('/r/.shellcheckrc', '\ndisable SC2086\n')).toThrow(/expected key=value/);
  });
});

describe('.hadolint.yaml', () => {
  it('reads style as info and both spellings of trusted registries', () => {
    const c = parseHadolintConfig('/r/.hadolint.yaml', 'override:\n  style: [DL3059]\ntrusted-registries: [quay.io]\nfailure-threshold: warning\nformat: json\n');
    expect(c.override.get('DL3059')).toBe('info');
    expect(c.trustedRegistries).toEqual(['quay.io']);
    expect(c.failureThreshold).toBe('warning');
  });

  it('an unknown label type is an error at its key', () => {
    expect(() => parseHadolintConfig('/r/.hadolint.yaml', 'label-schema:\n  version: number\n')).toThrow(/unknown label type "number"/);
  });
});

describe('stack-lint init imports peers’ configs', () => {
  it('writes their settings as rules, hadolint’s SC codes for Dockerfiles only, and prints the suppressions command', async () => {
    const { readFileSync } = await import('node:fs');
    const root = project({
      Dockerfile: DOCKERFILE,
      'deploy.sh': SCRIPT,
      '.hadolint.yaml': HADOLINT.replace('ignored:\n  - DL3059\n', 'ignored:\n  - DL3059\n  - SC2046\n  - DL9999\n'),
      '.shellcheckrc': SHELLCHECKRC,
    });
    const run = await cli(['init'], root);
    expect(run).toEqual({
      code: 0,
      stdout: 'wrote .stackpolicyrc.yaml (imported .hadolint.yaml, .shellcheckrc)\n4 errors and warnings found; to gate only new findings from now on, record them: stack-lint --suppress-all\n',
      stderr: '',
    });
    const text = readFileSync(`${root}/.stackpolicyrc.yaml`, 'utf8');
    expect(text).toContain(
      [
        '# Imported from .hadolint.yaml and .shellcheckrc (stack-lint also reads them on every run).',
        'rules:',
        '  DL3007: warning',
        '  DL3059: off',
        '  dockerfile/trusted-registries: [ error, { allowed: [ ghcr.io ] } ]',
        '  dockerfile/label-schema: [ warning, { schema: { version: semver }, strict: true } ]',
        '  SC2086: off',
      ].join('\n'),
    );
    expect(text).toContain('overrides:\n  # ShellCheck codes of the hadolint config apply to RUN in Dockerfiles only.\n  - files: ["Dockerfile", "Dockerfile.*", "*.Dockerfile", "Containerfile"]\n    rules:\n      SC2046: off\n');
    expect(text).not.toContain('DL9999');
    // the generated config loads, and gives the same findings as the peer files did
    expect(await findings(root)).toEqual(AFTER);
  });
});

const HAVE_SHELLCHECK = spawnSync('shellcheck', ['--version']).status === 0;

describe('.shellcheckrc shell=', () => {
  it.skipIf(!HAVE_SHELLCHECK)('is the dialect ShellCheck gets for a script without a shebang', async () => {
    const files = { '.stackpolicyrc.yaml': 'rules:\n  shell/shellcheck: warning\n  shell/strict-mode: off\n  shell/shebang: off\n', 'run.sh': 'f() { local x=1; echo "$x"; }\nf\n' };
    expect(await findings(project(files))).toEqual([]);
    expect(await findings(project({ ...files, '.shellcheckrc': 'shell=sh\n' }))).toEqual(["run.sh:1:7 warning shellcheck/SC3043 in POSIX sh, 'local' is undefined"]);
    // a shebang wins over shell=, as in ShellCheck
    expect(await findings(project({ ...files, 'run.sh': `#!/bin/bash\n${files['run.sh']}`, '.shellcheckrc': 'shell=sh\n' }))).toEqual([]);
  });
});

describe('a peer code acts on the findings of that code only', () => {
  // apt-hygiene stands for DL3009, DL3014, DL3015 and DL3027; quote-expansions for SC2086, SC2046, SC2068 and SC2048.
  const APT = 'FROM debian:12.5\nRUN apt-get update && apt-get install -y curl=7.88.1-10\nUSER 1000\nCMD ["curl"]\n';
  const RUN_SH = '#!/bin/sh\nset -eu\necho $(date) $HOME\n';
  const DL3009 = 'Dockerfile:2:5 error dockerfile/apt-hygiene this RUN downloads the package index with apt-get update but does not remove /var/lib/apt/lists/* at its end, so the index stays in the image';
  const DL3015 = 'Dockerfile:2:31 error dockerfile/apt-hygiene apt-get install without --no-install-recommends also installs every recommended package, which the image rarely needs';
  const SC2046 = 'run.sh:3:6 error shell/quote-expansions unquoted $(date) is split into words and glob-expanded; double-quote it to pass the value as one argument';
  const SC2086 = 'run.sh:3:14 error shell/quote-expansions unquoted $HOME is split into words and glob-expanded; double-quote it to pass the value as one argument';
  const files = { ...STRICT, Dockerfile: APT, 'run.sh': RUN_SH };
  const ours = async (extra: Record<string, string>) => (await findings(project({ ...files, ...extra }))).filter((f) => !f.includes('dockerfile/healthcheck'));

  it('without peer configs, both codes of each rule are found', async () => {
    expect(await ours({})).toEqual([DL3009, DL3015, SC2046, SC2086]);
  });

  it('hadolint ignored: drops that code and keeps the rule’s other codes', async () => {
    expect(await ours({ '.hadolint.yaml': 'ignored: [DL3009]\n' })).toEqual([DL3015, SC2046, SC2086]);
  });

  it('hadolint override: re-severities that code only (style is info)', async () => {
    expect(await ours({ '.hadolint.yaml': 'override:\n  style: [DL3015]\n  warning: [DL3009]\n' })).toEqual([
      DL3009.replace(' error ', ' warning '),
      DL3015.replace(' error ', ' info '),
      SC2046,
      SC2086,
    ]);
  });

  it('.shellcheckrc disable= drops that code and keeps the rule’s other codes', async () => {
    expect(await ours({ '.shellcheckrc': 'disable=SC2046\n' })).toEqual([DL3009, DL3015, SC2086]);
    expect(await ours({ '.shellcheckrc': 'disable=SC2000-SC2099\n' })).toEqual([DL3009, DL3015]);
  });

  it('a code turned on where its rule is off reports that code only', async () => {
    // quote-expansions is off in recommended; hadolint's SC codes apply to RUN
    const dockerfile = 'FROM debian:12.5\nRUN echo $(date) $HOME\nUSER 1000\nCMD ["true"]\n';
    const got = await findings(project({ Dockerfile: dockerfile, '.hadolint.yaml': 'override:\n  warning: [SC2046]\n' }));
    expect(got.filter((f) => f.includes('quote-expansions'))).toEqual([
      'Dockerfile:2:10 warning shell/quote-expansions unquoted $(date) is split into words and glob-expanded; double-quote it to pass the value as one argument',
    ]);
  });

  it('.stackpolicyrc has the last word: a rule id there sets all its findings, a code only that code', async () => {
    const policy = (rules: string) => ({ '.stackpolicyrc.yaml': `extends: [stack-lint:strict]\nrules:\n${rules}` });
    expect(await ours({ ...policy('  dockerfile/apt-hygiene: warning\n'), '.hadolint.yaml': 'ignored: [DL3009]\n' })).toEqual([
      DL3009.replace(' error ', ' warning '),
      DL3015.replace(' error ', ' warning '),
      SC2046,
      SC2086,
    ]);
    expect(await ours({ ...policy('  DL3009: info\n'), '.hadolint.yaml': 'ignored: [DL3009, DL3015]\n' })).toEqual([DL3009.replace(' error ', ' info '), SC2046, SC2086]);
    expect(await ours(policy('  DL3015: off\n  SC2086: off\n'))).toEqual([DL3009, SC2046]);
  });

  it('--print-config shows the codes set on their own', async () => {
    const root = project({ ...files, '.hadolint.yaml': 'ignored: [DL3009]\noverride:\n  info: [DL3015]\n' });
    const run = await cli(['--print-config', 'Dockerfile'], root);
    expect(JSON.parse(run.stdout).codes).toEqual({ 'dockerfile/apt-hygiene': { DL3009: 'off', DL3015: 'info' } });
  });
});

describe('shell findings carry their ShellCheck code', () => {
  it('$@, $* and bash-only syntax under sh are SC2068, SC2048 and SC30xx, each disabled on its own', async () => {
    const files = { ...STRICT, 'run.sh': '#!/bin/sh\nset -eu\n[[ -n "$1" ]] && echo $@ $*\n' };
    const rules = async (extra: Record<string, string>) => (await findings(project({ ...files, ...extra }))).map((f) => f.split(' ').slice(0, 3).join(' '));
    expect(await rules({})).toEqual(['run.sh:3:1 error shell/shebang', 'run.sh:3:23 error shell/quote-expansions', 'run.sh:3:26 error shell/quote-expansions']);
    expect(await rules({ '.shellcheckrc': 'disable=SC3010,SC2068\n' })).toEqual(['run.sh:3:26 error shell/quote-expansions']);
    expect(await rules({ '.shellcheckrc': 'disable=SC2048\n' })).toEqual(['run.sh:3:1 error shell/shebang', 'run.sh:3:23 error shell/quote-expansions']);
  });
});

describe('.shellcheckrc shell= for stack-lint’s own rules', () => {
  it('is the dialect of a script without a shebang: bash-only syntax under shell=sh is found, a shebang still decides', async () => {
    const script = 'set -eu\nif [[ -n "${1:-}" ]]; then echo "$1"; fi\n';
    const files = { '.stackpolicyrc.yaml': 'rules:\n  shell/shebang: warning\n', 'lib.sh': script };
    const shebang = async (extra: Record<string, string>) => (await findings(project({ ...files, ...extra }))).filter((f) => f.includes('bash-only'));
    // without shell=, a .sh file without a shebang may run under bash: its [[ ]] is not flagged
    expect(await shebang({})).toEqual([]);
    expect(await shebang({ '.shellcheckrc': 'shell=sh\n' })).toEqual([
      'lib.sh:2:4 warning shell/shebang `[[ ]]`: bash-only syntax, but the script runs under /bin/sh (dash on Debian and Ubuntu); write POSIX sh or change the shebang to bash',
    ]);
    expect(await shebang({ '.shellcheckrc': 'shell=sh\n', 'lib.sh': `#!/bin/bash\n${script}` })).toEqual([]);
  });
});

describe('# shellcheck disable= comments', () => {
  it('silence the findings of the codes named only, as ShellCheck does', async () => {
    const script = '#!/bin/sh\nset -eu\n# shellcheck disable=SC2046\necho $(date) $HOME\n';
    expect((await findings(project({ ...STRICT, 'run.sh': script }))).map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual(['run.sh:4:14 error shell/quote-expansions']);
    expect(await findings(project({ ...STRICT, 'run.sh': script.replace('SC2046', 'SC2046,SC2086') }))).toEqual([]);
  });
});

describe('the kind a config gives a file', () => {
  it('decides which peer config applies: a kinds: Dockerfile gets .hadolint.yaml', async () => {
    const files = { 'app.df': 'FROM ubuntu:latest\nUSER 1000\nCMD ["true"]\n', '.stackpolicyrc.yaml': 'kinds:\n  "*.df": dockerfile\n' };
    expect((await findings(project(files))).map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual(['app.df:1:6 error dockerfile/pinned-base-image']);
    expect(await findings(project({ ...files, '.hadolint.yaml': 'ignored: [DL3007]\n' }))).toEqual([]);
  });
});

describe('each .hadolint.yaml key, through the CLI', () => {
  const short = async (root: string, ...flags: string[]) => (await findings(root, ...flags)).map((f) => f.split(' ').slice(0, 3).join(' '));
  const LATEST = 'FROM ubuntu:latest\nUSER 1000\nCMD ["true"]\n';

  it('override.error makes the findings of that code errors', async () => {
    const files = { ...STRICT, Dockerfile: 'FROM ubuntu:24.04\nRUN echo one\nRUN echo two\nUSER 1000\nCMD ["true"]\nHEALTHCHECK CMD true\n' };
    expect(await short(project(files))).toEqual(['Dockerfile:3:1 info dockerfile/consecutive-run']);
    expect(await short(project({ ...files, '.hadolint.yaml': 'override:\n  error: [DL3059]\n' }))).toEqual(['Dockerfile:3:1 error dockerfile/consecutive-run']);
  });

  it('trustedRegistries may be one registry written as a string, as hadolint reads it', async () => {
    const root = project({ Dockerfile: 'FROM ghcr.io/acme/base:1.2\nFROM ubuntu:24.04\nUSER 1000\nCMD ["true"]\n', '.hadolint.yaml': 'trustedRegistries: ghcr.io\n' });
    expect(await short(root)).toEqual(['Dockerfile:2:6 error dockerfile/trusted-registries']);
  });

  it('no-fail: Dockerfile findings never fail the run (a script’s error still does)', async () => {
    const code = async (files: Record<string, string>) => (await cli(['.'], project(files))).code;
    expect(await code({ Dockerfile: LATEST })).toBe(1);
    expect(await code({ Dockerfile: LATEST, '.hadolint.yaml': 'no-fail: true\n' })).toBe(0);
    expect(await code({ Dockerfile: LATEST, '.hadolint.yaml': 'no-fail: false\n' })).toBe(1);
    expect(await code({ Dockerfile: LATEST, 'clean.sh': '#!/bin/sh\nset -eu\nrm -rf $DIR/\n', '.hadolint.yaml': 'no-fail: true\n' })).toBe(1);
  });

  it('disable-ignore-pragma: `# hadolint ignore=` comments silence nothing; stack-lint’s own comments still do', async () => {
    const pragma = { Dockerfile: `# hadolint ignore=DL3007\n${LATEST}` };
    expect(await short(project(pragma))).toEqual([]);
    expect(await short(project({ ...pragma, '.hadolint.yaml': 'disable-ignore-pragma: true\n' }))).toEqual(['Dockerfile:2:6 error dockerfile/pinned-base-image']);
    const global = { Dockerfile: `# hadolint global ignore=DL3007\n${LATEST}`, '.hadolint.yaml': 'disable-ignore-pragma: true\n' };
    expect(await short(project(global))).toEqual(['Dockerfile:2:6 error dockerfile/pinned-base-image']);
    const ours = { Dockerfile: `# stack-lint-disable-next-line DL3007\n${LATEST}`, '.hadolint.yaml': 'disable-ignore-pragma: true\n' };
    expect(await short(project(ours))).toEqual([]);
  });

  it('a boolean key written as something else is a config error naming it', async () => {
    const run = await cli(['.'], project({ Dockerfile: LATEST, '.hadolint.yaml': 'no-fail: yes please\n' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-fail');
    expect(run.stderr).toContain('expected true or false');
  });

  it('applies to a Dockerfile known only from the repository’s `docker build -f` (its name says nothing)', async () => {
    const files = { 'build/app.docker': LATEST, Makefile: 'image:\n\tdocker build -f build/app.docker -t app .\n' };
    expect(await short(project(files))).toEqual(['build/app.docker:1:6 error dockerfile/pinned-base-image']);
    expect(await short(project({ ...files, '.hadolint.yaml': 'ignored: [DL3007]\n' }))).toEqual([]);
    // and a .shellcheckrc never applies to it
    expect(await short(project({ ...files, '.shellcheckrc': 'disable=all\n' }))).toEqual(['build/app.docker:1:6 error dockerfile/pinned-base-image']);
    // named on the command line (as pre-commit names the files it lints), it is linted as a Dockerfile, with the .hadolint.yaml
    // (and the other Dockerfile the Makefile builds is not: only what was named is linted)
    const makefile = `${files.Makefile}\tdocker build -f build/other.docker -t other .\n`;
    const named = project({ ...files, Makefile: makefile, 'build/other.docker': LATEST, '.hadolint.yaml': 'override:\n  warning: [DL3007]\n' });
    expect((await short(named)).sort()).toEqual(['build/app.docker:1:6 warning dockerfile/pinned-base-image', 'build/other.docker:1:6 warning dockerfile/pinned-base-image']);
    const one = JSON.parse((await cli(['--format', 'json', 'build/app.docker'], named)).stdout) as { files: { path: string; diagnostics: { ruleId: string; severity: string }[] }[] };
    expect(one.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)])).toEqual([['build/app.docker', ['warning dockerfile/pinned-base-image']]]);
    // --print-config says so too
    const printed = await cli(['--print-config', 'build/app.docker'], project({ ...files, '.hadolint.yaml': 'ignored: [DL3007]\n' }));
    expect(JSON.parse(printed.stdout).codes).toEqual({ 'dockerfile/pinned-base-image': { DL3007: 'off' } });
  });
});

describe('each .shellcheckrc key, through the CLI', () => {
  const short = async (root: string) => (await findings(root)).map((f) => f.split(' ').slice(0, 3).join(' '));

  it.skipIf(!HAVE_SHELLCHECK)('enable= turns on ShellCheck’s optional checks in the ShellCheck bridge', async () => {
    const files = { '.stackpolicyrc.yaml': 'rules:\n  shell/shellcheck: warning\n', 'run.sh': '#!/bin/sh\nset -eu\necho "$HOME"\n' };
    expect(await short(project(files))).toEqual([]);
    expect(await short(project({ ...files, '.shellcheckrc': 'enable=require-variable-braces\n' }))).toEqual(['run.sh:3:7 info shellcheck/SC2250'] /* SC2250 is a style note in ShellCheck */);
  });

  it('keys that change nothing stack-lint checks (external-sources, extended-analysis) are accepted and change nothing', async () => {
    const files = { ...STRICT, 'deploy.sh': SCRIPT };
    const without = await findings(project(files));
    expect(without).toHaveLength(2);
    expect(await findings(project({ ...files, '.shellcheckrc': 'external-sources=true\nextended-analysis=false\n' }))).toEqual(without);
  });
});
