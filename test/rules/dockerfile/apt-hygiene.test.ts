import { describe, expect, it } from 'vitest';
import aptHygiene from '../../../rules/dockerfile/apt-hygiene.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(aptHygiene);
const NO_UPDATE =
  'apt-get install has no apt-get update before it in the same RUN, so it installs from whatever package index an earlier, cached layer left behind';
const RECOMMENDS = 'apt-get install without --no-install-recommends also installs every recommended package, which the image rarely needs';
const NO_YES = 'apt-get install without -y stops at its confirmation prompt, which a build cannot answer';
const LISTS =
  'this RUN downloads the package index with apt-get update but does not remove /var/lib/apt/lists/* at its end, so the index stays in the image';
const APT = 'apt is meant for interactive use and its command line is not stable for scripts; use apt-get in a Dockerfile';

const FIXED = [
  'FROM debian:12-slim AS build',
  'RUN apt-get update && apt-get install -y --no-install-recommends gcc',
  '',
  'FROM debian:12-slim',
  'RUN apt-get update \\',
  '    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\',
  '        ca-certificates \\',
  '        curl && rm -rf /var/lib/apt/lists/*',
  'RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*',
  'ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*',
  'RUN <<EOF',
  'apt-get update',
  'apt-get install -y --no-install-recommends jq',
  'rm -rf /var/lib/apt/lists/*',
  'EOF',
  '',
].join('\n');

describe('dockerfile/apt-hygiene', () => {
  it('is off in the recommended preset', () => {
    expect(aptHygiene.meta.recommended).toBe(false);
  });

  it('reports each missing piece at the command or word that lacks it, and fixes with minimal edits (unsafe), heredoc and ONBUILD included', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:12-slim AS build',
            'RUN apt-get install gcc',
            '',
            'FROM debian:12-slim',
            'RUN apt-get update \\',
            '    && DEBIAN_FRONTEND=noninteractive apt-get install \\',
            '        ca-certificates \\',
            '        curl',
            'RUN apt update && apt install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*',
            'ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends make',
            'RUN <<EOF',
            'apt-get update',
            'apt-get install -y --no-install-recommends jq',
            'EOF',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 5, endLine: 2, endColumn: 20, message: NO_UPDATE },
            { line: 2, column: 13, endLine: 2, endColumn: 20, message: RECOMMENDS },
            { line: 2, column: 13, endLine: 2, endColumn: 20, message: NO_YES },
            { line: 5, column: 5, endLine: 5, endColumn: 19, message: LISTS },
            { line: 6, column: 47, endLine: 6, endColumn: 54, message: RECOMMENDS },
            { line: 6, column: 47, endLine: 6, endColumn: 54, message: NO_YES },
            { line: 9, column: 5, endLine: 9, endColumn: 8, message: APT },
            { line: 9, column: 19, endLine: 9, endColumn: 22, message: APT },
            { line: 10, column: 13, endLine: 10, endColumn: 27, message: LISTS },
            { line: 12, column: 1, endLine: 12, endColumn: 15, message: LISTS },
          ],
          output: FIXED,
        },
      ],
    });
    expect(aptHygiene.meta.fix).toBe('unsafe');
  });

  it('accepts the fixed file, -qq, -o options, cache mounts on the lists, builder stages and apt-get install -s', async () => {
    await tester.run({
      valid: [
        FIXED,
        [
          'FROM debian:12-slim AS build',
          '# a builder stage: its package lists never reach the image',
          'RUN apt-get update && apt-get install -y --no-install-recommends build-essential',
          '',
          'FROM debian:12-slim',
          'RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\',
          '    apt-get update && apt-get -qq install --no-install-recommends curl',
          'RUN set -eux; \\',
          '    apt-get update; \\',
          '    apt-get install -o APT::Install-Recommends=false --assume-yes tini; \\',
          '    if apt-get install -s optional-tool > /dev/null 2>&1; then \\',
          '        apt-get install -y --no-install-recommends optional-tool; \\',
          '    fi; \\',
          '    rm -rf /var/lib/apt/lists/*',
          '',
        ].join('\n'),
      ],
    });
  });
});
