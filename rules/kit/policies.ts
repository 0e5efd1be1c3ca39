import type { AnyRule } from '../../src/core/rule.js';
import type { Rule } from './define.js';
import type { ComposeDocument } from '../../src/parse/compose/document.js';
import { isMap, isScalar, type YNode } from '../../src/parse/yaml/nodes.js';
import { ConfigError } from '../../src/config/errors.js';

/**
 * Declarative policies: small required/forbidden checks written in config,
 * each turned into a rule with its own id, reported and suppressed like any
 * other. The language is deliberately small (see docs/policies.md):
 *
 *   compose:    require | forbid: <path>;  match | notMatch: { path, pattern }
 *   dockerfile: require | forbid: <INSTRUCTION>;  requireLabel: <key>;  fromPattern: <regex>
 *
 * A path is dotted service keys; a key with dots is quoted in brackets:
 * `labels["com.acme.owner"]`. List forms (`- KEY=value`) are read as keys.
 */
interface Policy {
  id: string;
  message: string;
  severity?: 'info' | 'warning' | 'error';
  compose?: { require?: string; forbid?: string; match?: PatternCheck; notMatch?: PatternCheck };
  dockerfile?: { require?: string; forbid?: string; requireLabel?: string; fromPattern?: string };
}

interface PatternCheck {
  path: string;
  pattern: string;
}

/** Rules from a config's `policies:` (already shape-checked by the config schema). */
export function compilePolicies(raw: unknown, file: string): AnyRule[] {
  if (!Array.isArray(raw)) return [];
  return (raw as Policy[]).flatMap((policy, i) => {
    const where = (key: string) => ({ file, keyPath: `policies[${i}].${key}` });
    if (typeof policy?.id !== 'string' || typeof policy.message !== 'string') return [];
    const rules: AnyRule[] = [];
    const meta = {
      id: policy.id,
      category: 'policy',
      severity: policy.severity ?? 'warning',
      fix: 'none' as const,
      summary: policy.message,
      // On only where the config that declares it applies (the config turns it on).
      recommended: false,
    };
    if (policy.compose && policy.dockerfile) throw new ConfigError('a policy checks either compose or dockerfile, not both', where('dockerfile'));
    if (policy.compose) {
      const c = policy.compose;
      const checks: { kind: 'require' | 'forbid' | 'match' | 'notMatch'; path: string[]; re: RegExp }[] = [];
      const never = /$^/;
      if (c.require) checks.push({ kind: 'require', path: parsePath(c.require, where('compose.require')), re: never });
      if (c.forbid) checks.push({ kind: 'forbid', path: parsePath(c.forbid, where('compose.forbid')), re: never });
      if (c.match) checks.push({ kind: 'match', path: parsePath(c.match.path, where('compose.match.path')), re: regex(c.match.pattern, where('compose.match.pattern')) });
      if (c.notMatch) checks.push({ kind: 'notMatch', path: parsePath(c.notMatch.path, where('compose.notMatch.path')), re: regex(c.notMatch.pattern, where('compose.notMatch.pattern')) });
      rules.push({
        meta: { ...meta, kind: 'compose' },
        check(ctx) {
          for (const service of ctx.compose.services) {
            for (const check of checks) {
              const found = lookup(service.node, check.path, ctx.compose);
              const say = (node: YNode, detail: string) => ctx.report({ node, message: `service "${service.name}": ${policy.message} (${detail})` });
              if (check.kind === 'require' && !found) say(service.keyNode, `${pathText(check.path)} is not set`);
              if (check.kind === 'forbid' && found) say(found.node, `${pathText(check.path)} is set`);
              if (check.kind === 'match' && found && !check.re.test(found.value ?? '')) say(found.node, `${pathText(check.path)} does not match ${check.re}`);
              if (check.kind === 'notMatch' && found && check.re.test(found.value ?? '')) say(found.node, `${pathText(check.path)} matches ${check.re}`);
            }
          }
        },
      } satisfies Rule<'compose'>);
    }
    if (policy.dockerfile) {
      const d = policy.dockerfile;
      const from = d.fromPattern ? regex(d.fromPattern, where('dockerfile.fromPattern')) : undefined;
      rules.push({
        meta: { ...meta, kind: 'dockerfile' },
        check(ctx) {
          const { dockerfile } = ctx;
          const inImage = dockerfile.imageStages.flatMap((s) => s.instructions);
          const first = dockerfile.instructions[0];
          if (d.require && first && !inImage.some((i) => i.keyword === d.require!.toUpperCase())) {
            ctx.report({ node: dockerfile.finalStage?.from ?? first, message: `${policy.message} (no ${d.require.toUpperCase()} in the image)` });
          }
          if (d.forbid) {
            for (const i of inImage) if (i.keyword === d.forbid.toUpperCase()) ctx.report({ range: i.keywordSpan, message: `${policy.message} (${i.keyword} is not allowed)` });
          }
          if (d.requireLabel && first) {
            const labelled = inImage.some((i) => i.keyword === 'LABEL' && i.args.some((a) => a.value.split('=')[0] === d.requireLabel));
            if (!labelled) ctx.report({ node: dockerfile.finalStage?.from ?? first, message: `${policy.message} (no LABEL ${d.requireLabel})` });
          }
          if (from) {
            for (const stage of dockerfile.stages) {
              if (stage.parent || stage.resolvedImage.toLowerCase() === 'scratch' || !stage.imageSpan) continue;
              if (!from.test(stage.resolvedImage)) ctx.report({ range: stage.imageSpan, message: `${policy.message} ("${stage.resolvedImage}" does not match ${from})` });
            }
          }
        },
      } satisfies Rule<'dockerfile'>);
    }
    if (!rules.length) throw new ConfigError('a policy needs a compose or dockerfile check', where('id'));
    return rules;
  });
}

function regex(pattern: string, where: { file: string; keyPath: string }): RegExp {
  try {
    return new RegExp(pattern);
  } catch (e) {
    throw new ConfigError(`invalid regular expression: ${(e as Error).message}`, where);
  }
}

/** `a.b["c.d"].e` → ['a', 'b', 'c.d', 'e'] */
export function parsePath(text: string, where: { file: string; keyPath: string }): string[] {
  const out: string[] = [];
  const re = /\s*(?:\[\s*"([^"]*)"\s*\]|\[\s*'([^']*)'\s*\]|([^.[\]"']+))\s*(\.|(?=\[)|$)/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || m[0] === '') throw new ConfigError(`cannot read the path "${text}" (use dotted keys, and ["key.with.dots"] for keys with dots)`, where);
    out.push(m[1] ?? m[2] ?? m[3]!);
    at = re.lastIndex;
  }
  return out;
}

function pathText(path: string[]): string {
  return path.map((p, i) => (/[.\s]/.test(p) ? `["${p}"]` : i ? `.${p}` : p)).join('');
}

/** Follows a path through a service: map keys, and `KEY=value` / `KEY` items of lists. */
function lookup(node: YNode, path: string[], compose: ComposeDocument): { node: YNode; value: string | undefined } | undefined {
  let cur: YNode | undefined = node;
  let listValue: string | undefined;
  for (const key of path) {
    listValue = undefined;
    if (isMap(cur)) cur = cur.get(key);
    else if (cur?.type === 'seq') {
      const item = cur.items.find((i) => isScalar(i) && (String(i.value) === key || String(i.value).startsWith(`${key}=`)));
      if (item && isScalar(item)) {
        const text = compose.valueOf(item) ?? '';
        listValue = text.includes('=') ? text.slice(text.indexOf('=') + 1) : '';
      }
      cur = item;
    } else cur = undefined;
    if (!cur) return undefined;
  }
  if (!cur || (isScalar(cur) && cur.value === null)) return undefined;
  return { node: cur, value: listValue ?? compose.valueOf(cur) };
}
