import path from 'node:path';
import { stringify } from 'yaml';
import { HADOLINT_FILES, SHELLCHECKRC_FILES, findUpwards, readHadolintConfig, readShellcheckRc } from '../config/peers.js';
import type { RuleRegistry } from '../core/registry.js';

/** Where the rules of a `.hadolint.yaml` apply: hadolint lints Dockerfiles only. */
const DOCKERFILE_GLOBS = ['Dockerfile', 'Dockerfile.*', '*.Dockerfile', 'Containerfile'];

export interface ImportedPeers {
  /** Peer config files read, relative to the project. */
  sources: string[];
  /** `rules:` entries (peer code or rule id → setting). */
  rules: Record<string, unknown>;
  /** Settings that apply to Dockerfiles only (SC codes of `.hadolint.yaml` mean ShellCheck in `RUN`). */
  dockerfileRules: Record<string, unknown>;
}

/**
 * What `.hadolint.yaml` and `.shellcheckrc` in `cwd` (or above it, up to the
 * repository root) say, as stack-lint config entries; codes no rule claims are
 * left out (they change nothing here, and the config would refuse them).
 */
export function importPeers(cwd: string, registry: RuleRegistry): ImportedPeers {
  const out: ImportedPeers = { sources: [], rules: {}, dockerfileRules: {} };
  const claimed = (code: string) => registry.byCompatCode(code).length > 0 || registry.get(code) !== undefined;
  const rel = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  const hadolintFile = findUpwards(cwd, HADOLINT_FILES);
  if (hadolintFile) {
    const h = readHadolintConfig(hadolintFile);
    out.sources.push(rel(hadolintFile));
    const put = (code: string, setting: unknown) => {
      if (!claimed(code)) return;
      (code.startsWith('SC') ? out.dockerfileRules : out.rules)[code] = setting;
    };
    for (const [code, severity] of h.override) put(code, severity);
    for (const code of h.ignored) put(code, 'off');
    if (h.trustedRegistries.length) out.rules['dockerfile/trusted-registries'] = ['error', { allowed: h.trustedRegistries }];
    if (Object.keys(h.labelSchema).length || h.strictLabels) out.rules['dockerfile/label-schema'] = ['warning', { schema: h.labelSchema, strict: h.strictLabels }];
  }
  const rcFile = findUpwards(cwd, SHELLCHECKRC_FILES);
  if (rcFile) {
    const rc = readShellcheckRc(rcFile, registry);
    out.sources.push(rel(rcFile));
    for (const code of rc.disable) if (code !== 'all' && claimed(code)) out.rules[code] = 'off';
    if (rc.enable.length) out.rules['shell/shellcheck'] = ['warning', { enable: rc.enable }];
  }
  return out;
}

/** The imported entries as lines of the generated `.stackpolicyrc.yaml`. */
export function importedPeerLines(peers: ImportedPeers): { rules: string[]; overrides: string[] } {
  if (!peers.sources.length) return { rules: ['rules: {}'], overrides: [] };
  const block = (value: Record<string, unknown>, indent: string) =>
    Object.entries(value).map(([key, setting]) => `${indent}${key}: ${stringify(setting, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`);
  const rules = [`# Imported from ${peers.sources.join(' and ')} (stack-lint also reads them on every run).`];
  rules.push(...(Object.keys(peers.rules).length ? ['rules:', ...block(peers.rules, '  ')] : ['rules: {}']));
  const overrides = Object.keys(peers.dockerfileRules).length
    ? ['  # ShellCheck codes of the hadolint config apply to RUN in Dockerfiles only.', `  - files: [${DOCKERFILE_GLOBS.map((g) => JSON.stringify(g)).join(', ')}]`, '    rules:', ...block(peers.dockerfileRules, '      ')]
    : [];
  return { rules, overrides };
}
