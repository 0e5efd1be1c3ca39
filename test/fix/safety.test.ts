/**
 * Fixes that change what runs are unsafe (docs/fixes.md): `--fix` alone
 * leaves them, `--fix --unsafe-fixes` applies them. One case per rule whose
 * fix was once called safe.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import builtins from '../../rules/index.js';
import { defaultOptions } from '../../src/config/validate.js';
import { CORE_RULE_METAS } from '../../src/engine/core-rules.js';
import type { FileConfig } from '../../src/engine/types.js';
import { createRegistry } from '../../src/core/registry.js';
import { TOOL } from '../../src/runner/run.js';
import { fixFiles } from '../../src/fix/loop.js';
import type { FileKind } from '../../src/core/source.js';

const ROOT = path.resolve('/virtual-safety');

/** The text after the fix loop with this one rule on, and the safety of the fixes it offered. */
async function fix(ruleId: string, filename: string, kind: FileKind, code: string, unsafe: boolean) {
  const rule = builtins.rules.find((r) => r.meta.id === ruleId)!;
  const file = path.join(ROOT, filename);
  const config: FileConfig = { rules: new Map([[ruleId, { severity: 'warning', options: defaultOptions(rule.meta) }]]), settings: {} };
  const outcome = await fixFiles({
    cwd: ROOT,
    files: [{ path: file, kind }],
    overlay: new Map([[file, code]]),
    rules: [rule],
    registry: createRegistry([...builtins.rules.map((r) => r.meta), ...CORE_RULE_METAS]),
    config: { forFile: async () => config },
    tool: TOOL,
    unsafe,
  });
  return { text: outcome.changes[0]?.after ?? code, applied: outcome.applied[ruleId] ?? 0 };
}

/** What each fix would change in what runs is in the rule's docs page, section Fix. */
const CASES: { rule: string; filename: string; kind: FileKind; code: string; fixed: string }[] = [
  {
    // overrides the host's log driver (journald, awslogs…): central log shipping stops
    rule: 'compose/logging-rotation',
    filename: 'compose.yaml',
    kind: 'compose',
    code: 'services:\n  web:\n    image: nginx:1.27\n',
    fixed: 'services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n      options:\n        max-size: "10m"\n        max-file: "3"\n',
  },
  {
    // a container that writes its certificates (renewal) fails
    rule: 'compose/sensitive-mounts-readonly',
    filename: 'compose.yaml',
    kind: 'compose',
    code: 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./certs:/etc/nginx/certs\n',
    fixed: 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./certs:/etc/nginx/certs:ro\n',
  },
  {
    // an empty value becomes an empty argument; several flags become one
    rule: 'shell/quote-expansions',
    filename: 'install.sh',
    kind: 'shell',
    code: '#!/bin/sh\nset -e\ncp $SOURCE /backup/\n',
    fixed: '#!/bin/sh\nset -e\ncp "$SOURCE" /backup/\n',
  },
  {
    // another program runs: the Compose v2 plugin, which may be missing or behave differently
    rule: 'shell/compose-v2',
    filename: 'up.sh',
    kind: 'shell',
    code: '#!/bin/sh\nset -e\ndocker-compose up -d\n',
    fixed: '#!/bin/sh\nset -e\ndocker compose up -d\n',
  },
  {
    // a failing cd now ends the script, which went on before
    rule: 'shell/cd-checked',
    filename: 'build.sh',
    kind: 'shell',
    code: '#!/bin/sh\ncd /src\nmake\n',
    fixed: '#!/bin/sh\ncd /src || exit\nmake\n',
  },
  {
    // a flag: apk fetches the index anew and keeps no cache
    rule: 'dockerfile/apk-no-cache',
    filename: 'Dockerfile',
    kind: 'dockerfile',
    code: 'FROM alpine:3.20\nRUN apk add curl\n',
    fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
  },
  {
    // a flag: pip keeps no cache, for this and later installs in the same RUN
    rule: 'dockerfile/pip-no-cache',
    filename: 'Dockerfile',
    kind: 'dockerfile',
    code: 'FROM python:3.12-slim\nRUN pip install flask\n',
    fixed: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
  },
  {
    // ADD unpacks a local file that is a tar archive, whatever its name; COPY copies it
    rule: 'dockerfile/copy-not-add',
    filename: 'Dockerfile',
    kind: 'dockerfile',
    code: 'FROM alpine:3.20\nADD vendor.bundle /opt/\n',
    fixed: 'FROM alpine:3.20\nCOPY vendor.bundle /opt/\n',
  },
];

describe('fixes that change what runs are unsafe', () => {
  it.each(CASES.map((c) => [c.rule, c] as const))('%s: --fix leaves it, --fix --unsafe-fixes applies it', async (_id, c) => {
    expect(builtins.rules.find((r) => r.meta.id === c.rule)!.meta.fix).toBe('unsafe');
    const safeOnly = await fix(c.rule, c.filename, c.kind, c.code, false);
    expect(safeOnly).toEqual({ text: c.code, applied: 0 });
    const withUnsafe = await fix(c.rule, c.filename, c.kind, c.code, true);
    expect(withUnsafe).toEqual({ text: c.fixed, applied: 1 });
  });
});
