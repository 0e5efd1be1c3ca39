import { describe, expect, it } from 'vitest';
import { brief, lintFixtures } from '../helpers/lint.js';

/** The rules these fixtures are about; other rules' findings on them are not this test's business. */
const SUBJECTS = /^(compose\/image-pinned|dockerfile\/pinned-base-image|dockerfile\/syntax|shell\/strict-mode|stack-lint\/.*)$/;

/** The subjects that are off in `recommended`. */
const ON = ['compose/image-pinned: error', 'shell/strict-mode: warning'];

async function active(path: string) {
  const all = (await lintFixtures([path], { cliRules: ON })).filter((d) => SUBJECTS.test(d.ruleId));
  return {
    active: all.filter((d) => !d.suppressed).map((d) => `${brief(d)} ${d.message}`),
    suppressed: all.filter((d) => d.suppressed).map((d) => `${brief(d)} ${d.suppressed!.justification ?? ''}`.trim()),
  };
}

describe('suppression comments', () => {
  it('in compose files: next-line, line, ranges, file; reasons kept; unused ones reported', async () => {
    const result = await active('suppressions/compose/compose.yaml');
    expect(result.suppressed).toEqual([
      'suppressions/compose/compose.yaml:4:12-4:27 compose/image-pinned pinned by renovate',
      'suppressions/compose/compose.yaml:6:12-6:24 compose/image-pinned',
      'suppressions/compose/compose.yaml:10:12-10:24 compose/image-pinned',
      'suppressions/compose/compose.yaml:12:12-12:24 compose/image-pinned',
    ]);
    expect(result.active).toEqual([
      'suppressions/compose/compose.yaml:15:12-15:24 compose/image-pinned service "f" uses image "redis:latest" with the mutable tag "latest"',
      'suppressions/compose/compose.yaml:16:5-16:56 stack-lint/unused-disable unused stack-lint-disable directive (no problems from "compose/image-pinned" were reported here)',
      'suppressions/compose/compose.yaml:17:49-17:95 stack-lint/invalid-disable unknown rule "compose/no-such-rule" in suppression comment',
    ]);
  });

  it('in Dockerfiles: next-line covers the whole next instruction; hadolint and BuildKit syntax work; -line is refused', async () => {
    const result = await active('suppressions/dockerfile/Dockerfile');
    expect(result.suppressed).toEqual([
      'suppressions/dockerfile/Dockerfile:3:6-3:12 dockerfile/pinned-base-image',
      'suppressions/dockerfile/Dockerfile:5:6-5:17 dockerfile/pinned-base-image',
      'suppressions/dockerfile/Dockerfile:8:1-8:6 dockerfile/syntax',
    ]);
    expect(result.active).toEqual([
      'suppressions/dockerfile/Dockerfile:9:1-9:44 stack-lint/invalid-disable stack-lint-disable-line cannot work in a Dockerfile (a comment takes a whole line); use stack-lint-disable-next-line',
      'suppressions/dockerfile/Dockerfile:10:6-10:19 dockerfile/pinned-base-image base image "alpine:latest" uses the mutable tag "latest"',
    ]);
  });

  it('in shell scripts: disable-file', async () => {
    const result = await active('suppressions/shell/script.sh');
    expect(result.suppressed).toEqual(['suppressions/shell/script.sh:1:1-1:10 shell/strict-mode legacy script, rewritten in Q3']);
    expect(result.active).toEqual([]);
  });
});

describe('peer directives in scripts', () => {
  it('# shellcheck disable=SC2086 also silences the rule that stands in for SC2086, on the next line only', async () => {
    const all = (await lintFixtures(['suppressions/shellcheck/deploy.sh'], { cliRules: ['shell/quote-expansions: warning'] })).filter((d) => d.ruleId === 'shell/quote-expansions');
    expect(all.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.suppressed ? 'suppressed' : 'active'}`)).toEqual(['5:7 suppressed', '6:6 active']);
  });

  it('# shellcheck disable=SC2086 above the first command covers the whole script, as in ShellCheck', async () => {
    const all = (await lintFixtures(['suppressions/shellcheck/whole-file.sh'], { cliRules: ['shell/quote-expansions: warning'] })).filter((d) => d.ruleId === 'shell/quote-expansions');
    expect(all.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.suppressed ? 'suppressed' : 'active'}`)).toEqual(['5:4 suppressed', '6:6 suppressed']);
  });
});
