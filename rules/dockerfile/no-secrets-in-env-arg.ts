import { defineRule, isStandInPassword, keyValues, redactSecret, type KeyValue } from '../kit/index.js';

/** Words that make a variable name a secret's (BuildKit's list, plus `pass` and `passphrase`). */
const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'pass', 'passphrase', 'secret', 'token']);
/** Words that make it something public or about a secret rather than the secret (a key's fingerprint, a token's file). */
const PUBLIC_WORDS = new Set(['public', 'pub', 'gpg', 'pgp', 'fingerprint', 'fingerprints']);
const META_LAST_WORDS = new Set([
  'file', 'files', 'path', 'dir', 'directory', 'sock', 'socket', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'name',
  'type', 'method', 'mode', 'enabled', 'enable', 'required', 'length', 'size', 'version', 'header', 'prefix', 'format',
  'algorithm', 'provider', 'ttl', 'expiry', 'expires', 'timeout', 'lifetime', 'server', 'servers', 'keyserver', 'id_file',
]);

/** nginx's `<protocol>_pass` directives name the upstream a request is passed to (`uwsgi_pass uwsgi:3031`), not a password. */
const UPSTREAM_PROTOCOLS = new Set(['proxy', 'uwsgi', 'fastcgi', 'grpc', 'scgi', 'memcached']);

/** Shapes of real credentials, whatever the variable is called. */
const TOKEN_SHAPES: { kind: string; re: RegExp }[] = [
  { kind: 'an AWS access key id', re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'a GitHub token', re: /\b(ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}/ },
  { kind: 'a GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { kind: 'an OpenAI-style API key', re: /\bsk-(proj-)?[A-Za-z0-9_-]{20,}/ },
  { kind: 'a Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: 'a Stripe key', re: /\b(sk|rk)_live_[A-Za-z0-9]{16,}/ },
  { kind: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: 'an npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { kind: 'a private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { kind: 'a URL with a password', re: /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:(?!\$)[^\s@/]+@/i },
];

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/no-secrets-in-env-arg',
    kind: 'dockerfile',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: '`ENV` and `ARG` carry no secrets: neither a secret-named variable nor a value shaped like a token',
    compat: { hadolint: ['DL3064'], buildkit: ['SecretsUsedInArgOrEnv'] },
    tags: ['security'],
    securitySeverity: 7.5,
  },
  check(ctx) {
    for (const written of ctx.dockerfile.instructions) {
      const ins = written.trigger ?? written;
      if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
      for (const prop of keyValues(ins)) {
        const shape = prop.value ? TOKEN_SHAPES.find((s) => s.re.test(prop.value!)) : undefined;
        if (shape?.kind === 'a URL with a password' && hasPlaceholderPassword(prop.value!)) continue;
        if (shape && prop.valueSpan) {
          ctx.report({
            range: prop.valueSpan,
            secrets: [prop.valueSpan],
            message: `the value of ${ins.keyword} "${prop.name}" looks like ${shape.kind} (${redactSecret(prop.value!)}); anyone with the image can read it: pass it with RUN --mount=type=secret instead`,
          });
          continue;
        }
        if (!isSecretName(prop.name) || prop.value?.startsWith('/run/secrets/')) continue;
        // An empty ENV declares the variable for the container's run time: nothing secret is in the image.
        if (ins.keyword === 'ENV' && prop.value === '') continue;
        const literal = prop.value && prop.valueSpan && !isReference(prop.value) ? [prop.valueSpan] : [];
        ctx.report({ range: prop.nameSpan, message: message(ins.keyword, prop), secrets: literal });
      }
    }
  },
});

function message(keyword: string, prop: KeyValue): string {
  const how = 'pass it with RUN --mount=type=secret, or give it to the container at run time';
  if (keyword === 'ARG') {
    const dflt = prop.value ? ` and its default (${preview(prop.value)}) is written in the Dockerfile` : '';
    return `ARG "${prop.name}" names a secret: build arguments stay readable in the image history${dflt}; ${how}`;
  }
  const value = prop.value === undefined || prop.value === '' ? '' : ` (${preview(prop.value)})`;
  return `ENV "${prop.name}" names a secret${value}: ENV values are stored in the image, where docker inspect shows them; ${how}`;
}

function preview(value: string): string {
  return isReference(value) ? `copied from ${value.split(/[^$\w{}:-]/)[0]}` : redactSecret(value);
}

/** `$TOKEN`, `${TOKEN:-…}`: the value comes from another variable, and is no secret written here. */
function isReference(value: string): boolean {
  return /^\$\{?[A-Za-z_]/.test(value);
}

/** BuildKit's reading: a secret word as a whole word of the name (split at `_`, `-`, `.` and camelCase). */
function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.-]+/)
    .filter(Boolean);
  if (!words.some((w, i) => SECRET_WORDS.has(w) && !(w === 'pass' && UPSTREAM_PROTOCOLS.has(words[i - 1] ?? '')))) return false;
  if (words.some((w) => PUBLIC_WORDS.has(w))) return false;
  return !META_LAST_WORDS.has(words.at(-1)!);
}

/** `postgres://placeholder:placeholder@…`: the URL's password is a stand-in. */
function hasPlaceholderPassword(value: string): boolean {
  const password = /:\/\/[^\s:/@]+:([^\s@/]+)@/.exec(value)?.[1];
  return password !== undefined && isStandInPassword(password);
}
