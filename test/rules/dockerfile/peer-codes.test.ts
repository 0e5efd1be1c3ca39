/**
 * Findings of rules that stand in for several hadolint codes name theirs, and
 * the readings that once disagreed with hadolint's documented behaviour.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { lintDockerfile } from '../../hadolint-parity/parity.js';

/** `line:column rule code` of each finding of the given rule. */
async function found(ruleId: string, dockerfile: string): Promise<string[]> {
  const all = await lintDockerfile(dockerfile);
  const key = (d: Diagnostic) => [d.range.start.line, d.range.start.column, d.compat ?? ''] as const;
  const ordered = all.filter((d) => d.ruleId === ruleId).sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
  });
  return ordered.map(at);
}
const at = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}${d.compat ? ` ${d.compat}` : ''}`;

describe('peer codes on findings', () => {
  it('apt-hygiene names DL3014, DL3015, DL3009 and DL3027', async () => {
    expect(await found('dockerfile/apt-hygiene', 'FROM debian:12\nRUN apt update && apt install curl=7.88.1-10\n')).toEqual([
      '2:5 dockerfile/apt-hygiene DL3009',
      '2:5 dockerfile/apt-hygiene DL3027',
      '2:19 dockerfile/apt-hygiene DL3027',
      '2:23 dockerfile/apt-hygiene DL3014',
      '2:23 dockerfile/apt-hygiene DL3015',
    ]);
  });

  it('pin-package-versions names the code of each package manager', async () => {
    const text = 'FROM debian:12\nRUN pip install --no-cache-dir flask && npm install -g express && gem install rake:13.1.0\n';
    expect(await found('dockerfile/pin-package-versions', text)).toEqual(['2:32 dockerfile/pin-package-versions DL3013', '2:56 dockerfile/pin-package-versions DL3016']);
  });

  it('syntax, no-cd, pinned-base-image, from-platform-flag, dnf-hygiene and zypper-hygiene name theirs', async () => {
    expect(await found('dockerfile/syntax', 'FROM debian:12 AS a\nFROM debian:12 AS a\nCOPY a.txt b.txt /app\nEXPOSE 70000\n')).toEqual([
      '2:19 dockerfile/syntax DL3024',
      '3:18 dockerfile/syntax DL3021',
      '4:8 dockerfile/syntax DL3011',
    ]);
    expect(await found('dockerfile/no-cd', 'FROM debian:12\nWORKDIR app\nRUN cd /usr/src/app && make\n')).toEqual(['2:9 dockerfile/no-cd DL3000', '3:5 dockerfile/no-cd DL3003']);
    expect(await found('dockerfile/pinned-base-image', 'FROM debian\nFROM debian:latest\n')).toEqual(['1:6 dockerfile/pinned-base-image DL3006', '2:6 dockerfile/pinned-base-image DL3007']);
    expect(await found('dockerfile/from-platform-flag', 'FROM --platform=linux/amd64 debian:12\nFROM --platform=$TARGETPLATFORM debian:12\n')).toEqual([
      '1:6 dockerfile/from-platform-flag DL3029',
      '2:6 dockerfile/from-platform-flag DL3065',
    ]);
    expect(await found('dockerfile/dnf-hygiene', 'FROM fedora:39\nRUN dnf install httpd-2.4.58\n')).toEqual(['2:5 dockerfile/dnf-hygiene DL3040', '2:9 dockerfile/dnf-hygiene DL3038']);
    expect(await found('dockerfile/yum-hygiene', 'FROM centos:7\nRUN yum install httpd-2.4.6\n')).toEqual(['2:5 dockerfile/yum-hygiene DL3032', '2:9 dockerfile/yum-hygiene DL3030']);
    expect(await found('dockerfile/zypper-hygiene', 'FROM opensuse/leap:15.5\nRUN zypper dup\n')).toEqual(['2:12 dockerfile/zypper-hygiene DL3034', '2:12 dockerfile/zypper-hygiene DL3035']);
  });

  it('non-root-user and no-package-upgrade name DL3002 and DL3005 only where hadolint has them', async () => {
    expect(await found('dockerfile/non-root-user', 'FROM debian:12\nUSER root\n')).toEqual(['2:6 dockerfile/non-root-user DL3002']);
    expect(await found('dockerfile/non-root-user', 'FROM debian:12\nRUN id\n')).toEqual(['1:6 dockerfile/non-root-user']);
    expect(await found('dockerfile/no-package-upgrade', 'FROM debian:12\nRUN apt-get upgrade -y && dnf upgrade -y\n')).toEqual([
      '2:5 dockerfile/no-package-upgrade DL3005',
      '2:27 dockerfile/no-package-upgrade',
    ]);
  });
});

describe('readings aligned with hadolint', () => {
  it('apt-get -q given twice is -qq, which answers the prompt', async () => {
    const text = 'FROM debian:12\nRUN apt-get install -q -q --no-install-recommends curl=7.88.1-10\nRUN apt-get install --quiet --no-install-recommends git=1:2.39.2-1\n';
    expect((await found('dockerfile/apt-hygiene', text)).filter((f) => f.endsWith('DL3014'))).toEqual(['3:13 dockerfile/apt-hygiene DL3014']);
  });

  it('ADD of a file named only for its compression may unpack a tar, so it is not reported', async () => {
    const text = 'FROM debian:12\nADD rootfs.gz /\nADD data.bz2 /srv/\nADD data.xz /srv/\nADD notes.txt /srv/\n';
    expect(await found('dockerfile/copy-not-add', text)).toEqual(['5:1 dockerfile/copy-not-add']);
  });

  it('gem build options after -- are no gems', async () => {
    const text = 'FROM ruby:3.3\nRUN gem install pg:1.5.4 -- --with-pg-config=/usr/bin/pg_config && gem install nokogiri -- --use-system-libraries\n';
    expect(await found('dockerfile/pin-package-versions', text)).toEqual(['2:80 dockerfile/pin-package-versions DL3028']);
  });

  it('dnf groups have no version to pin', async () => {
    const text = 'FROM fedora:39\nRUN dnf group install -y "Development Tools" && dnf groupinstall -y web-server && dnf install -y httpd && dnf clean all\n';
    expect(await found('dockerfile/pin-package-versions', text)).toEqual(['2:98 dockerfile/pin-package-versions DL3041']);
  });

  it('go get of a module without a version is reported like go install', async () => {
    const text = 'FROM golang:1.22\nRUN go get github.com/a/lib && go get github.com/a/other@v1.2.3 && go get ./...\n';
    expect(await found('dockerfile/pin-package-versions', text)).toEqual(['2:12 dockerfile/pin-package-versions DL3062']);
  });
});

describe('# hadolint ignore= and peer codes', () => {
  it('silences only the findings of the codes it names, and those that name none', async () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install curl=7.88.1-10\n';
    expect(await found('dockerfile/apt-hygiene', text)).toEqual(['3:13 dockerfile/apt-hygiene DL3014']);
    expect(await found('dockerfile/apt-hygiene', text.replace('DL3015', 'DL3014,DL3015'))).toEqual([]);
  });
});
