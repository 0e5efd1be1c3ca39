import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';
import { RuleTester } from '../../../src/testing.js';
import fromPlatformFlag from '../../../rules/dockerfile/from-platform-flag.js';

const RULE = 'dockerfile/from-platform-flag';

describe(RULE, () => {
  it('reports constant and redundant --platform values on FROM', async () => {
    const found = await findings(RULE, ['dockerfile/from-platform-flag/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/from-platform-flag/bad/Dockerfile:1:6-1:28 dockerfile/from-platform-flag FROM --platform=linux/amd64 pins this stage to one platform, so the Dockerfile cannot build multi-platform images; drop the flag (pass --platform to the build) or use $BUILDPLATFORM',
      'dockerfile/from-platform-flag/bad/Dockerfile:2:6-2:32 dockerfile/from-platform-flag --platform=$TARGETPLATFORM is the default for FROM, so the flag is redundant',
      'dockerfile/from-platform-flag/bad/Dockerfile:3:6-3:36 dockerfile/from-platform-flag --platform=$TARGETPLATFORM is the default for FROM, so the flag is redundant',
    ]);
  });

  it('accepts $BUILDPLATFORM and per-platform stages', async () => {
    expect(await findings(RULE, ['dockerfile/from-platform-flag/good'])).toEqual([]);
  });

  it('removes a redundant --platform=$TARGETPLATFORM; a constant is left for a person', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/from-platform-flag/bad/Dockerfile');
    expect(text).toBe('FROM --platform=linux/amd64 alpine:3.20 AS base\nFROM alpine:3.20 AS builder\nFROM alpine:3.20\n');
    expect(remaining.map(brief)).toEqual(['Dockerfile:1:6-1:28 dockerfile/from-platform-flag']);
  });

  it('leaves --platform=$TARGETPLATFORM alone when a global ARG gives TARGETPLATFORM a default, which then wins over the target platform', async () => {
    await new RuleTester(fromPlatformFlag).run({
      valid: [{ filename: 'Dockerfile', code: 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'ARG TARGETPLATFORM\nFROM --platform=$TARGETPLATFORM alpine:3.20\n',
          errors: [{ line: 2, column: 6, message: '--platform=$TARGETPLATFORM is the default for FROM, so the flag is redundant' }],
          output: 'ARG TARGETPLATFORM\nFROM alpine:3.20\n',
        },
      ],
    });
  });
});
