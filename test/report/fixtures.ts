import type { Diagnostic, Severity } from '../../src/core/diagnostic.js';
import type { LintedFile, LintResult } from '../../src/core/result.js';
import type { RuleMeta } from '../../src/core/rule.js';
import { LineIndex, type Range } from '../../src/core/location.js';
import type { FileKind } from '../../src/core/source.js';

export const CWD = '/work/proj';

export const COMPOSE_TEXT = [
  'services:',
  '  web:',
  '    image: nginx:latest',
  '    ports:',
  '      - "80:80"',
  '',
].join('\n');

export const DOCKERFILE_TEXT = ['FROM alpine:3.19', 'RUN apk add curl', 'LABEL description="🐳 whale" version=1', ''].join(
  '\n',
);

export const SHELL_TEXT = ['#!/bin/sh', 'if [ -n "$X" ]; then', '\techo $X', 'fi', ''].join('\n');

export const CLEAN_TEXT = '#!/bin/sh\nrm -rf ./build\n';

export function linted(relPath: string, kind: FileKind, text: string): LintedFile {
  return { path: `${CWD}/${relPath}`, relPath, kind, text };
}

/** The range of the `occurrence`-th `needle` in `text` (or up to the end of `untilNeedle`). */
export function rangeOf(text: string, needle: string, occurrence = 1, untilNeedle?: string): Range {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not found: ${needle}`);
  let end = at + needle.length;
  if (untilNeedle) end = text.indexOf(untilNeedle, at) + untilNeedle.length;
  return new LineIndex(text).range({ start: at, end });
}

export function offsetOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return at;
}

function meta(id: string, severity: Severity, extra: Partial<RuleMeta> = {}): RuleMeta {
  const kind = id.split('/')[0] as RuleMeta['kind'];
  return { id, kind, category: 'best-practice', severity, fix: 'none', summary: `Summary of ${id}.`, ...extra };
}

export const RULES: RuleMeta[] = [
  meta('shell/quote-vars', 'warning', {
    category: 'correctness',
    fix: 'unsafe',
    summary: 'Double quote variable expansions.',
    compat: { shellcheck: ['SC2086'] },
    docsUrl: 'https://stack-lint.dev/rules/shell/quote-vars',
  }),
  meta('compose/no-latest-tag', 'warning', {
    category: 'security',
    fix: 'safe',
    summary: 'Images should be pinned to a version.',
    // 13 tags with duplicates of kind/category: deduped and cut to 10.
    tags: ['security', 'supply-chain', 'compose', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
    securitySeverity: 8,
    precision: 'very-high',
    docsUrl: 'https://stack-lint.dev/rules/compose/no-latest-tag',
  }),
  meta('compose/healthcheck-required', 'error', { summary: 'Every service needs a healthcheck.' }),
  meta('compose/quoted-ports', 'info'),
  meta('dockerfile/apk-no-cache', 'warning', { fix: 'safe', compat: { hadolint: ['DL3019'] } }),
  meta('dockerfile/label-schema', 'warning'),
  meta('dockerfile/label-version', 'info'),
  meta('shell/no-eval', 'error', { tags: ['security'], securitySeverity: 9.5 }),
];

export function diag(
  file: LintedFile,
  ruleId: string,
  severity: Severity,
  message: string,
  range: Range,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { ruleId, severity, message, file: file.path, relPath: file.relPath, range, ...extra };
}

export function makeResult(overrides: Partial<LintResult> = {}): LintResult {
  const compose = linted('compose.yaml', 'compose', COMPOSE_TEXT);
  const dockerfile = linted('Dockerfile', 'dockerfile', DOCKERFILE_TEXT);
  const shell = linted('scripts/start app.sh', 'shell', SHELL_TEXT);
  const clean = linted('scripts/clean.sh', 'shell', CLEAN_TEXT);

  const latest = offsetOf(COMPOSE_TEXT, 'latest');
  const apk = offsetOf(DOCKERFILE_TEXT, 'apk add');
  const x = offsetOf(SHELL_TEXT, '$X\n');

  const diagnostics: Diagnostic[] = [
    // Dockerfile
    diag(dockerfile, 'dockerfile/label-schema', 'error', 'Rule crashed: TypeError: boom', rangeOf(DOCKERFILE_TEXT, 'FROM'), {
      internal: true,
    }),
    diag(dockerfile, 'dockerfile/apk-no-cache', 'warning', 'Use --no-cache with apk add', rangeOf(DOCKERFILE_TEXT, 'apk add'), {
      fix: {
        file: dockerfile.path,
        description: 'Add --no-cache',
        edits: [{ start: apk + 'apk add'.length, end: apk + 'apk add'.length, text: ' --no-cache' }],
        safety: 'safe',
      },
    }),
    diag(dockerfile, 'dockerfile/label-version', 'info', 'Label "version" is deprecated', rangeOf(DOCKERFILE_TEXT, 'version')),
    // compose.yaml
    diag(
      compose,
      'compose/healthcheck-required',
      'error',
      'Service "web" has no healthcheck',
      rangeOf(COMPOSE_TEXT, 'web:', 1, '"80:80"'),
      {
        suggestions: [
          {
            file: compose.path,
            description: 'Add a healthcheck',
            edits: [{ start: offsetOf(COMPOSE_TEXT, '    ports'), end: offsetOf(COMPOSE_TEXT, '    ports'), text: '    healthcheck: {}\n' }],
          },
        ],
      },
    ),
    diag(compose, 'compose/no-latest-tag', 'warning', 'Pin the image to a version instead of "latest"', rangeOf(COMPOSE_TEXT, 'latest'), {
      fix: {
        file: compose.path,
        description: 'Pin to nginx:1.27',
        edits: [{ start: latest, end: latest + 6, text: '1.27' }],
        safety: 'safe',
      },
    }),
    diag(compose, 'compose/quoted-ports', 'info', 'Quote port mappings', rangeOf(COMPOSE_TEXT, '"80:80"'), {
      suppressed: { kind: 'inline', justification: 'local dev only' },
    }),
    // scripts/start app.sh
    diag(shell, 'shell/quote-vars', 'warning', 'Double quote to prevent globbing and word splitting', rangeOf(SHELL_TEXT, '$X', 2), {
      fix: {
        file: shell.path,
        description: 'Quote the expansion',
        edits: [{ start: x, end: x + 2, text: '"$X"' }],
        safety: 'unsafe',
      },
    }),
  ];

  return {
    diagnostics,
    files: [compose, dockerfile, shell, clean],
    rules: RULES,
    cwd: CWD,
    tool: { name: 'stack-lint', version: '0.1.0', informationUri: 'https://stack-lint.dev' },
    errorCount: 1,
    warningCount: 3,
    infoCount: 1,
    fixableCount: 2,
    internalErrorCount: 1,
    durationMs: 12,
    ...overrides,
  };
}
