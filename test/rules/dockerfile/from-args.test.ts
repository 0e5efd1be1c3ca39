import { describe, it } from 'vitest';
import fromArgs from '../../../rules/dockerfile/from-args.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(fromArgs);

describe('dockerfile/from-args', () => {
  it('reports undeclared ARGs in FROM and defaults that give no valid image', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'ARG TAG',
            'ARG BASE=python:${PY_VERSION}',
            'FROM busybox:${TAG} AS one',
            'FROM node:22${VARIANT} AS two',
            'FROM --platform=$BUILDPLATFROM alpine:3.20 AS three',
            'ARG UPSTREAM_IMAGE UPSTREAM_DIGEST',
            'FROM ${BASE} AS four',
            '',
          ].join('\n'),
          errors: [
            {
              line: 3,
              column: 6,
              endLine: 3,
              endColumn: 20,
              message:
                'with the ARG defaults, FROM busybox:${TAG} resolves to "busybox:", which is not a valid image reference, so the build needs --build-arg to work; give ARG TAG a default',
            },
            {
              line: 4,
              column: 13,
              endLine: 4,
              endColumn: 23,
              message: 'FROM uses $VARIANT, but no ARG VARIANT is declared before the first FROM; it expands to an empty string',
            },
            {
              line: 5,
              column: 17,
              endLine: 5,
              endColumn: 31,
              message: 'FROM uses $BUILDPLATFROM, but no ARG BUILDPLATFROM is declared before the first FROM (did you mean $BUILDPLATFORM?); it expands to an empty string',
            },
            {
              line: 7,
              column: 6,
              endLine: 7,
              endColumn: 13,
              message: 'with the ARG defaults, FROM ${BASE} resolves to "python:", which is not a valid image reference, so the build needs --build-arg to work',
            },
          ],
        },
      ],
    });
  });

  it('accepts declared ARGs, ARGs valid when empty, defaults in ${X:-d}, platform ARGs and stage references', async () => {
    await tester.run({
      valid: [
        'ARG TAG=latest\nFROM busybox:${TAG} AS one\n',
        'ARG VARIANT\nFROM busybox:stable${VARIANT} AS two\n',
        'ARG ALPINE_TAG\nFROM alpine:${ALPINE_TAG:-3.20} AS three\n',
        'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM build_${TARGETARCH} AS per-arch\n',
        'ARG IMAGE=debian\nFROM ${IMAGE}:12\n',
      ],
    });
  });
});
