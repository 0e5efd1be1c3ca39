/**
 * Findings of rules that stand in for several hadolint codes name theirs, and
 * the readings that once disagreed with hadolint's documented behaviour.
 * Each case lists every finding of the rule under test, with its position and
 * the code it names (`compat`).
 */
import { describe, it } from 'vitest';
import type { AnyRule } from '../../../src/core/rule.js';
import { RuleTester, type ExpectedError } from '../../../src/testing.js';
import aptHygiene from '../../../rules/dockerfile/apt-hygiene.js';
import copyNotAdd from '../../../rules/dockerfile/copy-not-add.js';
import dnfHygiene from '../../../rules/dockerfile/dnf-hygiene.js';
import fromPlatformFlag from '../../../rules/dockerfile/from-platform-flag.js';
import noCd from '../../../rules/dockerfile/no-cd.js';
import noPackageUpgrade from '../../../rules/dockerfile/no-package-upgrade.js';
import nonRootUser from '../../../rules/dockerfile/non-root-user.js';
import pinPackageVersions from '../../../rules/dockerfile/pin-package-versions.js';
import pinnedBaseImage from '../../../rules/dockerfile/pinned-base-image.js';
import syntax from '../../../rules/dockerfile/syntax.js';
import yumHygiene from '../../../rules/dockerfile/yum-hygiene.js';
import zypperHygiene from '../../../rules/dockerfile/zypper-hygiene.js';

/** `line:column CODE` (or `line:column` for a finding that names no code) as an expected finding. */
function at(spec: string): ExpectedError {
  const [pos, compat] = spec.split(' ');
  const [line, column] = pos!.split(':').map(Number);
  return { line: line!, column: column!, ...(compat ? { compat } : {}) };
}

/** The rule finds exactly `expected` in `code` (a Dockerfile); `output`: the text once its fixes are applied, when it offers any. */
async function finds(rule: AnyRule, code: string, expected: string[], output?: string): Promise<void> {
  const errors = expected.map(at);
  await new RuleTester(rule).run(errors.length ? { invalid: [{ filename: 'Dockerfile', code, errors, ...(output !== undefined ? { output } : {}) }] } : { valid: [{ filename: 'Dockerfile', code }] });
}

describe('peer codes on findings', () => {
  it('apt-hygiene names DL3014, DL3015, DL3009 and DL3027', async () => {
    await finds(aptHygiene, 'FROM debian:12\nRUN apt update && apt install curl=7.88.1-10\n', ['2:5 DL3027', '2:5 DL3009', '2:19 DL3027', '2:23 DL3015', '2:23 DL3014'], 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n');
  });

  it('pin-package-versions names the code of each package manager', async () => {
    const text = 'FROM debian:12\nRUN pip install --no-cache-dir flask && npm install -g express && gem install rake:13.1.0\n';
    await finds(pinPackageVersions, text, ['2:32 DL3013', '2:56 DL3016']);
  });

  it('syntax, no-cd, pinned-base-image, from-platform-flag, dnf-hygiene and zypper-hygiene name theirs', async () => {
    await finds(syntax, 'FROM debian:12 AS a\nFROM debian:12 AS a\nCOPY a.txt b.txt /app\nEXPOSE 70000\n', ['2:19 DL3024', '3:18 DL3021', '4:8 DL3011']);
    await finds(noCd, 'FROM debian:12\nWORKDIR app\nRUN cd /usr/src/app && make\n', ['2:9 DL3000', '3:5 DL3003']);
    await finds(pinnedBaseImage, 'FROM debian\nFROM debian:latest\n', ['1:6 DL3006', '2:6 DL3007']);
    await finds(fromPlatformFlag, 'FROM --platform=linux/amd64 debian:12\nFROM --platform=$TARGETPLATFORM debian:12\n', ['1:6 DL3029', '2:6 DL3065'], 'FROM --platform=linux/amd64 debian:12\nFROM debian:12\n');
    await finds(dnfHygiene, 'FROM fedora:39\nRUN dnf install httpd-2.4.58\n', ['2:5 DL3040', '2:9 DL3038'], 'FROM fedora:39\nRUN dnf install -y httpd-2.4.58\n');
    await finds(yumHygiene, 'FROM centos:7\nRUN yum install httpd-2.4.6\n', ['2:5 DL3032', '2:9 DL3030'], 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n');
    await finds(zypperHygiene, 'FROM opensuse/leap:15.5\nRUN zypper dup\n', ['2:12 DL3035', '2:12 DL3034'], 'FROM opensuse/leap:15.5\nRUN zypper --non-interactive dup\n');
  });

  it('non-root-user and no-package-upgrade name DL3002 and DL3005 only where hadolint has them', async () => {
    await finds(nonRootUser, 'FROM debian:12\nUSER root\n', ['2:6 DL3002']);
    await finds(nonRootUser, 'FROM debian:12\nRUN id\n', ['1:6']);
    await finds(noPackageUpgrade, 'FROM debian:12\nRUN apt-get upgrade -y && dnf upgrade -y\n', ['2:5 DL3005', '2:27']);
  });
});

describe('readings aligned with hadolint', () => {
  it('apt-get -q given twice is -qq, which answers the prompt', async () => {
    const text = 'FROM debian:12\nRUN apt-get install -q -q --no-install-recommends curl=7.88.1-10\nRUN apt-get install --quiet --no-install-recommends git=1:2.39.2-1\n';
    // the finding at 3:13 is the only DL3014 (the others, the missing `apt-get update`, are stack-lint's own)
    const fixed = 'FROM debian:12\nRUN apt-get update && apt-get install -q -q --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y --quiet --no-install-recommends git=1:2.39.2-1 && rm -rf /var/lib/apt/lists/*\n';
    await finds(aptHygiene, text, ['2:5', '3:5', '3:13 DL3014'], fixed);
  });

  it('ADD of a file named only for its compression may unpack a tar, so it is not reported', async () => {
    const text = 'FROM debian:12\nADD rootfs.gz /\nADD data.bz2 /srv/\nADD data.xz /srv/\nADD notes.txt /srv/\n';
    await finds(copyNotAdd, text, ['5:1'], text.replace('ADD notes.txt', 'COPY notes.txt'));
  });

  it('gem build options after -- are no gems', async () => {
    const text = 'FROM ruby:3.3\nRUN gem install pg:1.5.4 -- --with-pg-config=/usr/bin/pg_config && gem install nokogiri -- --use-system-libraries\n';
    await finds(pinPackageVersions, text, ['2:80 DL3028']);
  });

  it('dnf groups have no version to pin', async () => {
    const text = 'FROM fedora:39\nRUN dnf group install -y "Development Tools" && dnf groupinstall -y web-server && dnf install -y httpd && dnf clean all\n';
    await finds(pinPackageVersions, text, ['2:98 DL3041']);
  });

  it('go get of a module without a version is reported like go install', async () => {
    const text = 'FROM golang:1.22\nRUN go get github.com/a/lib && go get github.com/a/other@v1.2.3 && go get ./...\n';
    await finds(pinPackageVersions, text, ['2:12 DL3062']);
  });
});

describe('# hadolint ignore= and peer codes', () => {
  it('silences only the findings of the codes it names, and those that name none', async () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install curl=7.88.1-10\n';
    await finds(aptHygiene, text, ['3:13 DL3014'], text.replace('install curl', 'install -y curl'));
    await finds(aptHygiene, text.replace('DL3015', 'DL3014,DL3015'), []);
  });
});
