import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/apt-hygiene';
const ON = ['dockerfile/apt-hygiene: warning'];
const BAD = 'dockerfile/apt-hygiene/bad/Dockerfile';

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['dockerfile/apt-hygiene/bad'])).toEqual([]);
  });

  it('reports each missing piece at the command or word that lacks it', async () => {
    const found = await findings(RULE, ['dockerfile/apt-hygiene/bad'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${BAD}:2:5-2:20 ${RULE} apt-get install has no apt-get update before it in the same RUN, so it installs from whatever package index an earlier, cached layer left behind`,
      `${BAD}:2:13-2:20 ${RULE} apt-get install without --no-install-recommends also installs every recommended package, which the image rarely needs`,
      `${BAD}:2:13-2:20 ${RULE} apt-get install without -y stops at its confirmation prompt, which a build cannot answer`,
      `${BAD}:5:5-5:19 ${RULE} this RUN downloads the package index with apt-get update but does not remove /var/lib/apt/lists/* at its end, so the index stays in the image`,
      `${BAD}:6:47-6:54 ${RULE} apt-get install without --no-install-recommends also installs every recommended package, which the image rarely needs`,
      `${BAD}:6:47-6:54 ${RULE} apt-get install without -y stops at its confirmation prompt, which a build cannot answer`,
      `${BAD}:9:5-9:8 ${RULE} apt is meant for interactive use and its command line is not stable for scripts; use apt-get in a Dockerfile`,
      `${BAD}:9:19-9:22 ${RULE} apt is meant for interactive use and its command line is not stable for scripts; use apt-get in a Dockerfile`,
      `${BAD}:10:13-10:27 ${RULE} this RUN downloads the package index with apt-get update but does not remove /var/lib/apt/lists/* at its end, so the index stays in the image`,
      `${BAD}:12:1-12:15 ${RULE} this RUN downloads the package index with apt-get update but does not remove /var/lib/apt/lists/* at its end, so the index stays in the image`,
    ]);
    expect(found.every((d) => d.fix?.safety === 'unsafe')).toBe(true);
  });

  it('fixes with minimal edits, heredoc and ONBUILD included, and the result passes', async () => {
    const { text, remaining } = await fixWithRule(RULE, BAD, { unsafe: true });
    expect(text).toBe(
      [
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
      ].join('\n'),
    );
    expect(remaining).toEqual([]);
  });

  it('accepts -qq, -o options, cache mounts on the lists, builder stages and apt-get install -s', async () => {
    expect(await findings(RULE, ['dockerfile/apt-hygiene/good'], { cliRules: ON })).toEqual([]);
  });
});
