import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { didYouMean } from '../core/suggest.js';
import { FILE_KIND_NAMES } from '../kinds/index.js';

const SEVERITY_NAMES = ['off', 'info', 'warning', 'error'];

/**
 * JSON schema (draft 2020-12) of `.stackpolicyrc`. Written out as
 * `schemas/stackpolicyrc.schema.json` for editors (yaml-language-server's
 * `# yaml-language-server: $schema=...`); a test keeps the two equal.
 */
export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'stack-lint configuration (.stackpolicyrc)',
  description:
    'Configuration of stack-lint, the linter for Docker Compose files, Dockerfiles and shell scripts. ' +
    'The nearest config file above a linted file applies to it; configs do not cascade.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: {
      type: 'string',
      description: 'The JSON schema of this file, for editors.',
    },
    $import: {
      type: ['string', 'array'],
      minLength: 1,
      items: { type: 'string', minLength: 1 },
      description:
        'Config files (paths relative to this one) merged underneath this one; keys here win. ' +
        'Refused for JS files under --no-code-config.',
    },
    extends: {
      type: ['string', 'array'],
      minLength: 1,
      items: { type: 'string', minLength: 1 },
      description:
        'Presets applied in order on top of the defaults: `stack-lint:recommended` (the defaults), `stack-lint:strict` ' +
        '(every rule but layout and package pinning, warnings as errors), `stack-lint:all`, or a pack\'s (`@acme/policy:strict`).',
      examples: [['stack-lint:recommended']],
    },
    plugins: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Rule packs to load: npm packages (`acme` → `stack-lint-plugin-acme`, `@acme/stack-lint-plugin`) or files ' +
        '(`./policies/pack.mjs`, relative to this file). Refused under --no-code-config.',
    },
    environments: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9_.-]+$' },
      additionalProperties: { type: 'array', minItems: 1, items: { $ref: '#/$defs/glob' } },
      description: 'Named sets of files (globs relative to this file\'s folder), for `overrides[].environment`.',
      examples: [{ production: ['docker-compose.prod.y*ml', 'compose.prod.y*ml'] }],
    },
    policies: {
      type: 'array',
      items: { $ref: '#/$defs/policy' },
      description: 'Declarative checks without code; each is a rule with its own id (see docs/policies.md).',
    },
    rules: { $ref: '#/$defs/rules' },
    overrides: {
      type: 'array',
      items: { $ref: '#/$defs/override' },
      description: 'Rule settings for some files; every entry whose `files` match applies, in order.',
    },
    ignores: {
      type: 'array',
      items: { $ref: '#/$defs/glob' },
      description:
        'Files never linted: globs relative to this file\'s folder, as in .gitignore ' +
        '(a pattern without `/` matches at any depth; a matched folder ignores everything in it).',
      examples: [['vendor/**', '**/testdata/**']],
    },
    kinds: {
      type: 'object',
      propertyNames: { $ref: '#/$defs/glob' },
      additionalProperties: { $ref: '#/$defs/kind' },
      description: 'Extra globs (relative to this file\'s folder) → file kind; the first glob that matches decides.',
      examples: [{ '**/*.compose.yml': 'compose', 'scripts/run-*': 'shell' }],
    },
    settings: {
      type: 'object',
      description: 'Free-form settings shared by all rules.',
    },
    projects: {
      type: 'array',
      description:
        'How compose files combine into projects, when the repository\'s scripts, Makefiles, CI files and docs do not say: ' +
        'each project as `docker compose` is run for it (paths relative to this file\'s folder). ' +
        'Declared projects are the strongest evidence; `stack-lint explain-project` shows what was found.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          name: { type: 'string', minLength: 1, description: 'The project name (`-p`).' },
          files: {
            description: 'Compose files in `-f` order.',
            oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }],
          },
          envFiles: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Files passed with `--env-file`: their variables are known to interpolation.' },
          profiles: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Profiles enabled (`--profile`).' },
          projectDirectory: { type: 'string', minLength: 1, description: '`--project-directory` (default: the first file\'s folder).' },
        },
      },
      examples: [[{ name: 'ci', files: ['compose.yaml', 'ci/compose.test.yaml'], envFiles: ['ci/test.env'] }]],
    },
    linterOptions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        reportUnusedDisableDirectives: {
          $ref: '#/$defs/severity',
          description: 'Severity of the report about disable comments that suppress nothing (default `warning`).',
        },
        noInlineConfig: {
          type: 'boolean',
          description: 'Ignore stack-lint-disable comments (and peer ignore comments) in the files.',
        },
        requireSuppressionReason: {
          type: 'boolean',
          description: 'Report stack-lint-disable comments that give no reason after `--`.',
        },
      },
    },
  },
  $defs: {
    severity: {
      enum: SEVERITY_NAMES,
      description: 'One of off, info, warning, error (numbers such as 0/1/2 are not accepted).',
    },
    kind: { enum: [...FILE_KIND_NAMES] },
    ruleSetting: {
      description: 'A severity, or [severity, options].',
      anyOf: [
        { $ref: '#/$defs/severity' },
        {
          type: 'array',
          prefixItems: [{ $ref: '#/$defs/severity' }, { type: 'object' }],
          minItems: 1,
          maxItems: 2,
        },
      ],
    },
    rules: {
      type: 'object',
      description:
        'Rule id (`compose/image-pinned`) or peer code (`DL3008`, `SC2086`, a BuildKit check name) → ' +
        'severity or [severity, options].',
      propertyNames: { minLength: 1 },
      additionalProperties: { $ref: '#/$defs/ruleSetting' },
    },
    glob: {
      type: 'string',
      minLength: 1,
      pattern: '^[^!]',
      description: 'A glob relative to the config file\'s folder; one without `/` matches the base name at any depth.',
    },
    override: {
      type: 'object',
      // `files` is required unless `environment` names the files.
      if: { not: { required: ['environment'] } },
      then: { required: ['files'] },
      additionalProperties: false,
      properties: {
        environment: {
          type: ['string', 'array'],
          minLength: 1,
          items: { type: 'string', minLength: 1 },
          description: 'Names from `environments`: the entry applies to their files (and, with `files`, to files in both).',
        },
        files: {
          type: ['string', 'array'],
          minLength: 1,
          pattern: '^[^!]',
          minItems: 1,
          items: { $ref: '#/$defs/glob' },
          description: 'Globs of the files this entry applies to.',
          examples: [['docker-compose.prod.y*ml', 'compose.prod.y*ml']],
        },
        rules: { $ref: '#/$defs/rules' },
        settings: {
          type: 'object',
          description: 'Merged over the top-level settings for these files.',
        },
      },
    },
    pattern: {
      type: 'object',
      required: ['path', 'pattern'],
      additionalProperties: false,
      properties: {
        path: { type: 'string', minLength: 1 },
        pattern: { type: 'string', minLength: 1, description: 'A JavaScript regular expression.' },
      },
    },
    policy: {
      type: 'object',
      required: ['id', 'message'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9][a-z0-9-]*$', description: '`<namespace>/<name>`, like any rule id.' },
        message: { type: 'string', minLength: 1, description: 'What is reported (and the rule\'s summary).' },
        severity: { enum: ['info', 'warning', 'error'], description: 'Default `warning`.' },
        compose: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          description: 'Checked on every service. Paths are dotted keys of the service (`labels["com.acme.owner"]`).',
          properties: {
            require: { type: 'string', minLength: 1, description: 'The path must be set.' },
            forbid: { type: 'string', minLength: 1, description: 'The path must not be set.' },
            match: { $ref: '#/$defs/pattern', description: 'When set, the value matches the pattern.' },
            notMatch: { $ref: '#/$defs/pattern', description: 'When set, the value does not match the pattern.' },
          },
        },
        dockerfile: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          description: 'Checked on the stages that end up in the image.',
          properties: {
            require: { type: 'string', minLength: 1, description: 'An instruction (`USER`, `HEALTHCHECK`) that must appear.' },
            forbid: { type: 'string', minLength: 1, description: 'An instruction (`ADD`, `MAINTAINER`) that must not appear.' },
            requireLabel: { type: 'string', minLength: 1, description: 'A LABEL key that must be set.' },
            fromPattern: { type: 'string', minLength: 1, description: 'Every base image (not scratch, not a stage) matches this pattern.' },
          },
        },
      },
    },
  },
} as const;

/** A step of a key path: an object key or an array index. */
export type KeySegment = string | number;

export interface SchemaIssue {
  path: KeySegment[];
  /** `rules["compose/x"]`, `overrides[0].files`; empty for the whole config. */
  keyPath: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `overrides[0].rules["compose/x"]` from `['overrides', 0, 'rules', 'compose/x']`. */
export function formatKeyPath(path: readonly KeySegment[]): string {
  let out = '';
  path.forEach((seg, i) => {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (path[i - 1] === 'rules' || !IDENTIFIER.test(seg)) out += `[${JSON.stringify(seg)}]`;
    else out += i === 0 ? seg : `.${seg}`;
  });
  return out;
}

/** Splits an ajv `instancePath` (JSON pointer), telling array indexes from keys by walking `data`. */
export function pointerToPath(pointer: string, data: unknown): KeySegment[] {
  if (!pointer) return [];
  const path: KeySegment[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      path.push(Number(key));
      node = node[Number(key)];
    } else {
      path.push(key);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return path;
}

export function valueAt(data: unknown, path: readonly KeySegment[]): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** `a string`, `a list`, `an object`, `null`… for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  array: 'a list',
  object: 'an object',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'null',
};

export function describeTypes(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

/**
 * A user-facing sentence for one ajv error, and the key path it is about
 * (which may go one key deeper than the error's instance path, e.g. to the
 * unknown or missing key).
 */
export function describeAjvError(err: ErrorObject, data: unknown, noun = 'key'): { path: KeySegment[]; message: string } {
  const path = pointerToPath(err.instancePath, data);
  // Errors about a property's name (under `propertyNames`) point at the object.
  const propertyName = (err as { propertyName?: string }).propertyName;
  if (propertyName !== undefined) path.push(propertyName);
  const value = propertyName ?? valueAt(data, path);
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { path: [...path, key], message: `unknown ${noun}${didYouMean(key, known)}` };
    }
    case 'required':
      return { path: [...path, String(params.missingProperty)], message: `required ${noun} is missing` };
    case 'type':
      return { path, message: `expected ${describeTypes(params.type)}, got ${describeValue(value)}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { path, message: `expected one of ${allowed}; got ${describeValue(value)}` };
    }
    case 'const':
      return { path, message: `expected ${JSON.stringify(params.allowedValue)}; got ${describeValue(value)}` };
    case 'minItems':
      return { path, message: params.limit === 1 ? 'must not be empty' : `must have at least ${params.limit} items` };
    case 'maxItems':
      return { path, message: `must have at most ${params.limit} items` };
    case 'minLength':
      return { path, message: params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters long` };
    case 'pattern':
      if (typeof value === 'string' && value.startsWith('!')) {
        return { path, message: `negated patterns are not supported: ${JSON.stringify(value)}` };
      }
      return { path, message: `must match the pattern ${params.pattern}` };
    default:
      return { path, message: err.message ?? `failed the schema's "${err.keyword}" check` };
  }
}

let validator: ValidateFunction | undefined;

/** Compiled once per process. */
function configValidator(): ValidateFunction {
  validator ??= new Ajv2020({
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
    strictTuples: false,
  }).compile(CONFIG_SCHEMA);
  return validator;
}

/**
 * Problems with the shape of a raw config, in schema order. Errors inside a
 * rule setting are left to the caller, which words them better
 * (`rule: ...` values are checked against the registry anyway); pass
 * `includeRuleSettings` to get them too.
 */
export function checkConfigShape(data: unknown, includeRuleSettings = false): SchemaIssue[] {
  const validate = configValidator();
  if (validate(data)) return [];
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    // `anyOf` is only the rule-setting union, whose branch errors say more;
    // `propertyNames` comes with the name's own error, which says more.
    // `if` only wraps the `then` branch's own error (a missing key).
    if (err.keyword === 'anyOf' || err.keyword === 'propertyNames' || err.keyword === 'if') continue;
    const { path, message } = describeAjvError(err, data);
    if (!includeRuleSettings && isInsideRuleSetting(path)) continue;
    const keyPath = formatKeyPath(path);
    const seenKey = `${keyPath}\0${message}`;
    if (seen.has(seenKey)) continue;
    seen.add(seenKey);
    issues.push({ path, keyPath, message: path.length === 0 ? rootMessage(err, data, message) : message });
  }
  return issues;
}

function rootMessage(err: ErrorObject, data: unknown, message: string): string {
  if (err.keyword === 'type') return `the config must be an object of settings, got ${describeValue(data)}`;
  return message;
}

/** `rules.<id>…` or `overrides[n].rules.<id>…`. */
export function isInsideRuleSetting(path: readonly KeySegment[]): boolean {
  if (path[0] === 'rules') return path.length >= 2;
  return path[0] === 'overrides' && path[2] === 'rules' && path.length >= 4;
}
