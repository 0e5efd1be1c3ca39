import { describe, expect, it } from 'vitest';
import fromPlatformFlag from '../../../rules/dockerfile/from-platform-flag.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(fromPlatformFlag);
const REDUNDANT = '--platform=$TARGETPLATFORM is the default for FROM, so the flag is redundant';
const CONSTANT =
  'FROM --platform=linux/amd64 pins this stage to one platform, so the Dockerfile cannot build multi-platform images; drop the flag (pass --platform to the build) or use $BUILDPLATFORM';
const FIXED = 'FROM --platform=linux/amd64 alpine:3.20 AS base\nFROM alpine:3.20 AS builder\nFROM alpine:3.20\n';

describe('dockerfile/from-platform-flag', () => {
  it('reports constant and redundant --platform values on FROM, and removes a redundant --platform=$TARGETPLATFORM (safe)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM --platform=linux/amd64 alpine:3.20 AS base\nFROM --platform=$TARGETPLATFORM alpine:3.20 AS builder\nFROM --platform="${TARGETPLATFORM}" alpine:3.20\n',
          errors: [
            { line: 1, column: 6, endLine: 1, endColumn: 28, message: CONSTANT },
            { line: 2, column: 6, endLine: 2, endColumn: 32, message: REDUNDANT },
            { line: 3, column: 6, endLine: 3, endColumn: 36, message: REDUNDANT },
          ],
          output: FIXED,
        },
      ],
    });
    expect(fromPlatformFlag.meta.fix).toBe('safe');
  });

  it('leaves a constant platform for a person', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: FIXED, errors: [{ line: 1, column: 6, endLine: 1, endColumn: 28, message: CONSTANT }] }] });
  });

  it('accepts $BUILDPLATFORM and per-platform stages', async () => {
    await tester.run({
      valid: [
        'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build-arm64\nFROM build_${TARGETARCH} AS final\n',
      ],
    });
  });

  it('leaves --platform=$TARGETPLATFORM alone when a global ARG gives TARGETPLATFORM a default, which then wins over the target platform', async () => {
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'ARG TARGETPLATFORM\nFROM --platform=$TARGETPLATFORM alpine:3.20\n',
          errors: [{ line: 2, column: 6, message: REDUNDANT }],
          output: 'ARG TARGETPLATFORM\nFROM alpine:3.20\n',
        },
      ],
    });
  });
});
