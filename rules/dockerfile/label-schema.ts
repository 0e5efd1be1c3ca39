import parseSpdx from 'spdx-expression-parse';
import { defineRule, properties, type DfInstruction, type DfProperty, type DfStage } from '../kit/index.js';

type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';
interface Options {
  schema: Record<string, LabelType>;
  strict: boolean;
  allStages: boolean;
}

/** hadolint's code for a value that is not of its label's type (`text` has none: only emptiness, DL3051). */
const TYPE_CODE: Record<LabelType, string> = {
  text: 'DL3051', url: 'DL3052', rfc3339: 'DL3053', spdx: 'DL3054', hash: 'DL3055', semver: 'DL3056', email: 'DL3058',
};
const TYPES: LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const GIT_HASH = /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/i;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Why a value does not fit the type, or undefined when it does. */
function typeProblem(type: LabelType, value: string): string | undefined {
  switch (type) {
    case 'text':
      return undefined;
    case 'url':
      return isUrl(value) ? undefined : 'is not a valid URL';
    case 'semver':
      return SEMVER.test(value) ? undefined : 'does not conform to semantic versioning';
    case 'hash':
      return GIT_HASH.test(value) ? undefined : 'is not a valid git hash';
    case 'rfc3339':
      return RFC3339.test(value) ? undefined : 'is not a valid RFC 3339 time';
    case 'spdx':
      return isSpdx(value) ? undefined : 'is not a valid SPDX license expression';
    case 'email':
      return EMAIL.test(value) ? undefined : 'is not a valid email address';
  }
}

function isUrl(v: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

function isSpdx(v: string): boolean {
  try {
    parseSpdx(v);
    return true;
  } catch {
    return false;
  }
}

export default defineRule<'dockerfile', Options>({
  meta: {
    id: 'dockerfile/label-schema',
    kind: 'dockerfile',
    category: 'metadata',
    severity: 'warning',
    fix: 'none',
    summary: 'Images carry the labels the configured schema requires, with values of the right type',
    options: {
      type: 'object',
      properties: {
        schema: { type: 'object', additionalProperties: { enum: TYPES }, default: {} },
        strict: { type: 'boolean', default: false },
        allStages: { type: 'boolean', default: false },
      },
      additionalProperties: false,
    },
    compat: { hadolint: ['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'] },
  },
  check(ctx) {
    const { schema, strict, allStages } = ctx.options;
    const required = Object.keys(schema);
    if (!required.length && !strict) return;

    const labelsOf = (ins: DfInstruction): DfProperty[] => (ins.keyword === 'LABEL' ? properties(ins) : []);
    for (const ins of ctx.dockerfile.instructions) {
      for (const label of [...labelsOf(ins), ...(ins.trigger ? labelsOf(ins.trigger) : [])]) {
        if (label.name.includes('$')) continue;
        const type = Object.hasOwn(schema, label.name) ? schema[label.name] : undefined;
        if (!type) {
          if (strict) ctx.report({ range: label.nameSpan, compat: 'DL3050', message: `label "${label.name}" is not in the label schema (strict labels)` });
          continue;
        }
        const value = label.value ?? '';
        const at = label.valueSpan ?? label.nameSpan;
        if (value.trim() === '') {
          ctx.report({ range: at, compat: 'DL3051', message: `label "${label.name}" is empty` });
          continue;
        }
        // A value filled in at build time cannot be judged here.
        if (value.includes('$')) continue;
        const problem = typeProblem(type, value);
        if (problem) ctx.report({ range: at, compat: TYPE_CODE[type], message: `label "${label.name}" value "${value}" ${problem}` });
      }
    }

    const stages = allStages ? ctx.dockerfile.stages : ctx.dockerfile.finalStage ? [ctx.dockerfile.finalStage] : [];
    for (const stage of stages) {
      const present = new Set(stageLabels(stage));
      const missing = required.filter((r) => !present.has(r));
      if (!missing.length) continue;
      ctx.report({
        range: stage.from.keywordSpan,
        compat: 'DL3049',
        message: `${stage.isFinal ? 'the image' : `stage ${stage.name ? `"${stage.name}"` : stage.index}`} lacks the required label${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
      });
    }
  },
});

/** Label keys a stage sets itself or inherits from the stages it is built `FROM`. */
function stageLabels(stage: DfStage): string[] {
  const own = stage.instructions.filter((i) => i.keyword === 'LABEL').flatMap((i) => properties(i).map((p) => p.name));
  return stage.parent ? [...stageLabels(stage.parent), ...own] : own;
}
