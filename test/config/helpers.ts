import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRegistry } from '../../src/core/registry.js';
import type { RuleMeta } from '../../src/core/rule.js';
import { ConfigLoader } from '../../src/config/index.js';
import type { ConfigLoaderOptions, EffectiveConfig } from '../../src/config/index.js';

export const metas: RuleMeta[] = [
  {
    id: 'compose/image-pinned',
    kind: 'compose',
    category: 'reproducibility',
    severity: 'warning',
    fix: 'none',
    summary: 'Images are pinned to a tag or digest.',
    options: {
      type: 'object',
      properties: {
        requireDigest: { type: 'boolean', default: false },
        allow: { type: 'array', items: { type: 'string' }, default: [] },
      },
      additionalProperties: false,
    },
  },
  {
    id: 'dockerfile/apt-pinned',
    kind: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    fix: 'none',
    summary: 'apt-get install pins versions.',
    compat: { hadolint: ['DL3008'] },
  },
  {
    id: 'dockerfile/non-root-user',
    kind: 'dockerfile',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: 'The image does not run as root.',
  },
  {
    id: 'compose/no-debug-in-production',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'No debug flags in production files.',
    recommended: false,
  },
];

export const registry = createRegistry(metas);

/** A fresh folder under the OS temp folder with `files` written into it; `.git` made unless `git: false`. */
export function project(files: Record<string, string>, options: { git?: boolean } = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stack-lint-config-')));
  if (options.git !== false) fs.mkdirSync(path.join(root, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return root;
}

export function loader(cwd: string, options: Partial<ConfigLoaderOptions> = {}): ConfigLoader {
  return new ConfigLoader({ cwd, registry, ...options });
}

export function severities(config: EffectiveConfig): Record<string, string> {
  return Object.fromEntries([...config.rules].map(([id, rule]) => [id, rule.severity]));
}

/** The error `promise` rejects with (fails when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an exception');
}
