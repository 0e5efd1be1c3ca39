/**
 * Telling secrets from configuration: variable names that name a secret,
 * values that are clearly not one, credentials inside URLs, and the shapes of
 * well-known tokens. Nothing here returns or prints a secret's value; callers
 * show it only through `redactSecret`.
 */
import type { EnvEntry } from '../../../src/parse/compose/env-file.js';

/** Words of a variable name: `GF_SECURITY_ADMIN_PASSWORD` → GF, SECURITY, ADMIN, PASSWORD; `apiKey` → API, KEY. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

const SECRET_PARTS = ['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'CREDENTIAL', 'APIKEY', 'PRIVATEKEY'];
const SECRET_WORDS = new Set(['PW', 'PASS', 'PWD']);
const KEY_QUALIFIERS = new Set(['API', 'ACCESS', 'PRIVATE', 'SECRET', 'ENCRYPTION', 'SIGNING', 'MASTER', 'AUTH', 'LICENSE', 'SERVICE', 'CLIENT']);
/** A last word that says the variable is about a secret, not the secret itself. */
const NOT_THE_SECRET = new Set([
  'FILE', 'PATH', 'DIR', 'DIRECTORY', 'LOCATION', 'URL', 'URI', 'ENDPOINT', 'NAME', 'ID', 'USER', 'USERNAME',
  'LENGTH', 'LEN', 'SIZE', 'TTL', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'LIFETIME', 'TIMEOUT', 'HEADER', 'ALGORITHM',
  'ALG', 'TYPE', 'ENABLED', 'DISABLED', 'POLICY', 'METHOD', 'MODE', 'HOST', 'PORT', 'FORMAT', 'PREFIX', 'ISSUER',
  'AUDIENCE', 'VERSION', 'REGION', 'COUNT', 'ROTATION', 'REQUIRED', 'MIN', 'MAX', 'STRENGTH', 'HINT', 'RESET',
]);

/** Words before KEY that say the key is meant to be seen: `JWT_PUBLIC_KEY`, `STRIPE_PUBLISHABLE_KEY`. */
const PUBLISHED = new Set(['PUBLIC', 'PUB', 'PUBLISHABLE']);

/** The variable name names a secret (`POSTGRES_PASSWORD`, `OPENAI_API_KEY`, `WEBPASSWORD`), not a setting about one (`PASSWORD_FILE`, `TOKEN_TTL`). */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length) return false;
  if (NOT_THE_SECRET.has(words[words.length - 1]!)) return false;
  if (words.some((w) => SECRET_PARTS.some((p) => w.includes(p)))) return true;
  if (words.length > 1 && words.some((w) => SECRET_WORDS.has(w))) return true;
  const last = words[words.length - 1]!;
  // The public half of a key pair, or a key made to be published (Stripe's publishable key), is no secret.
  if (last === 'PUBKEY' || (last === 'KEY' && PUBLISHED.has(words[words.length - 2] ?? ''))) return false;
  if (last === 'KEY' && words.length > 1) return true;
  return words.some((w, i) => w === 'KEY' && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!));
}

const NOT_A_SECRET_VALUE = /^(?:true|false|yes|no|on|off|y|n|0|1|none|null|nil|empty|disabled?|enabled?)$/i;

/**
 * A value that is not a secret even under a secret's name: empty, a boolean
 * switch (`MYSQL_ALLOW_EMPTY_PASSWORD=yes`), or a path to a file that holds
 * the secret (`/run/secrets/db-password`).
 */
export function isNonSecretValue(value: string): boolean {
  const v = value.trim();
  return v === '' || NOT_A_SECRET_VALUE.test(v) || /^(?:\/|\.\.?\/)\S*$/.test(v);
}

export interface Found {
  /** What was found, for the message: `an OpenAI API key`, `a password in a URL`. */
  what: string;
  /** Offsets into the searched text. */
  start: number;
  end: number;
}

/** Token shapes: the pattern, what it is, and strings one of which every match contains (a text with none is skipped). */
const TOKEN_SHAPES: readonly [RegExp, string, readonly string[]][] = [
  [/(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}/g, 'an Anthropic API key', ['sk-ant-']],
  [/(?<![A-Za-z0-9_-])sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g, 'an OpenAI-style API key', ['sk-']],
  [/(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}(?![A-Za-z0-9])/g, 'an AWS access key id', ['AKIA', 'ASIA', 'ABIA', 'ACCA']],
  [/(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,}/g, 'a GitHub token', ['gh']],
  [/(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}/g, 'a GitHub token', ['github_pat_']],
  [/(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}/g, 'a GitLab token', ['glpat-']],
  [/(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,}/g, 'a Slack token', ['xox']],
  [/(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}/g, 'a Google API key', ['AIza']],
  [/(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g, 'a Stripe key', ['_live_', '_test_']],
  [/(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}/g, 'an npm token', ['npm_']],
  [/(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30,}/g, 'a Hugging Face token', ['hf_']],
  // The whole block, to its END line (or the end of the text when it is cut): the key is the body.
  [/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|[\s\S]*)/g, 'a private key', ['-----BEGIN ']],
];

/** Well-known token shapes in a text. */
export function findTokens(text: string): Found[] {
  let out: Found[] | undefined;
  for (const [re, what, needs] of TOKEN_SHAPES) {
    if (!needs.some((n) => text.includes(n))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) (out ??= []).push({ what, start: m.index, end: m.index + m[0].length });
  }
  return out ?? [];
}

/** A password written as a stand-in (`***`, `xxx`, `placeholder`, `<password>`), for tools that want some URL while the real one comes at run time. */
export function isStandInPassword(password: string): boolean {
  return /^(?:\*+|x+|placeholder|dummy|example|fake|<[^>]*>)$/i.test(password);
}

/**
 * A value written to be replaced: a stand-in (`isStandInPassword`) or words that ask for the real
 * value (`changeme`, `change-me`, `replace_me`, `your-api-key`, `your-super-secure-secret-key-here`).
 * A file that commits such defaults leaks nothing yet.
 */
export function isPlaceholderSecret(value: string): boolean {
  const v = value.trim();
  return isStandInPassword(v) || /^(?:(?:change|replace)[-_. ]?(?:me|it|this)(?:[-_. ].*)?|your[-_. ].+|.+[-_. ]here|todo|tbd|\.{3,})$/i.test(v);
}

/**
 * Passwords written into URLs (`postgresql://user:pass@host`, `redis://:pass@host`),
 * except where the password is a variable (`${DB_PASSWORD}`).
 */
export function findUrlPasswords(text: string): Found[] {
  const out: Found[] = [];
  if (!text.includes('://')) return out;
  const re = /\b[a-z][a-z0-9+.-]*:\/\/([^\s:@/'"]*):([^\s@/'"]+)@/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const password = m[2]!;
    if (password.includes('$') || isNonSecretValue(password) || isStandInPassword(password)) continue;
    const start = m.index + m[0].length - 1 - password.length;
    out.push({ what: 'a password in a URL', start, end: start + password.length });
  }
  return out;
}

/** Command-line flags that take a secret (`--password=…`, `--token …`), with their literal values. */
export function findSecretFlags(args: readonly string[]): { index: number; start: number; end: number; flag: string }[] {
  const out: { index: number; start: number; end: number; flag: string }[] = [];
  const FLAG = /^--?([A-Za-z][A-Za-z0-9-]*)(?:=(.*))?$/;
  for (let i = 0; i < args.length; i++) {
    const m = FLAG.exec(args[i]!);
    if (!m || !/(?:password|passwd|secret|token|api-?key)$/i.test(m[1]!)) continue;
    if (m[2] !== undefined) {
      const v = m[2];
      if (v && !v.includes('$') && !isNonSecretValue(v)) out.push({ index: i, start: args[i]!.length - v.length, end: args[i]!.length, flag: `--${m[1]}` });
    } else if (i + 1 < args.length) {
      const v = args[i + 1]!;
      if (v && !v.startsWith('-') && !v.includes('$') && !isNonSecretValue(v)) out.push({ index: i + 1, start: 0, end: v.length, flag: `--${m[1]}` });
    }
  }
  return out;
}

/** The entries of an env file that hold a literal secret: a secret's name with a value that is neither a placeholder nor built from a variable. */
export function secretEntries(file: { readonly entries: readonly EnvEntry[] }): EnvEntry[] {
  return file.entries.filter((e) => !e.bare && isSecretName(e.key) && !isNonSecretValue(e.value) && !e.value.includes('$'));
}

/** Clients of MySQL and MariaDB, whose `-p<password>` (attached) and `--password=…` take the password itself. */
const MYSQL_CLIENTS = new Set([
  'mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlcheck', 'mysqlpump', 'mysqlshow', 'mysqlslap',
  'mariadb', 'mariadb-dump', 'mariadb-admin', 'mariadb-import', 'mariadb-check', 'mariadb-show', 'mariadb-slap',
]);
const HTTP_CLIENTS = new Set(['curl', 'wget']);
const COMMAND_SEPARATORS = new Set(['&&', '||', ';', '|', '&']);
/** Request headers that carry a credential: the credential is what follows the scheme (or the colon). */
const CREDENTIAL_HEADER = /^\s*(?:(?:proxy-)?authorization\s*:\s*(?:bearer|basic|token|bot|apikey)\s+|(?:x-api-key|x-auth-token|private-token|x-vault-token)\s*:\s*)(\S+)\s*$/i;

/** A credential written on a command line, at `[start, end)` of word `index`. */
export interface CommandSecret extends Found {
  index: number;
  /** The program and option, for the message: `mysql -p`, `curl -u`, `curl -H Authorization`. */
  option: string;
}

/**
 * Credentials written literally into the words of a command line: `mysql -pPASSWORD`
 * (and `--password=…`), `curl -u user:PASSWORD`, `curl -H "Authorization: Bearer TOKEN"`.
 * Values with a `$` come from a variable or a command and are left alone. `words`
 * may hold several commands joined by `&&`, `;` or `|`.
 */
export function findCommandSecrets(words: readonly string[]): CommandSecret[] {
  const out: CommandSecret[] = [];
  let program = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (COMMAND_SEPARATORS.has(word)) {
      program = '';
      continue;
    }
    const name = word.slice(word.lastIndexOf('/') + 1);
    if (MYSQL_CLIENTS.has(name) || HTTP_CLIENTS.has(name)) {
      program = name;
      continue;
    }
    const found = (at: OptionValue, start: number, end: number, what: string, option: string): void => {
      const value = at.value.slice(start, end);
      if (value && !value.includes('$') && !isNonSecretValue(value)) {
        out.push({ index: at.index, start: at.offset + start, end: at.offset + end, what, option: `${program} ${option}` });
      }
    };
    if (MYSQL_CLIENTS.has(program)) {
      // `-p` alone asks for the password; `-pX` is the password X.
      const pw = word.startsWith('--') ? optionValue(words, i, '', '--password', false) : optionValue(words, i, '-p', '', false);
      if (pw) found(pw, 0, pw.value.length, 'a password', pw.flag);
    } else if (program === 'curl') {
      const user = optionValue(words, i, '-u', '--user') ?? optionValue(words, i, '-U', '--proxy-user');
      const colon = user ? user.value.indexOf(':') : -1;
      if (user && colon >= 0) found(user, colon + 1, user.value.length, 'a password', user.flag);
    }
    const header = HTTP_CLIENTS.has(program) ? optionValue(words, i, program === 'curl' ? '-H' : '', '--header') : undefined;
    const credential = header && CREDENTIAL_HEADER.exec(header.value);
    if (header && credential) {
      const start = header.value.lastIndexOf(credential[1]!);
      found(header, start, start + credential[1]!.length, 'a credential', `${header.flag} ${header.value.split(':')[0]!.trim()}`);
    }
  }
  return out;
}

interface OptionValue {
  /** The word that holds the value, and where the value starts in it. */
  index: number;
  offset: number;
  value: string;
  flag: string;
}

/**
 * The value of an option given at word `i`: `-u v`, `-uv`, `--user v`, `--user=v` (`separate`
 * false: only the attached forms, for options whose value is optional such as mysql's `-p`).
 * An empty name stands for no such form.
 */
function optionValue(words: readonly string[], i: number, short: string, long: string, separate = true): OptionValue | undefined {
  const word = words[i]!;
  if (separate && (word === short || word === long) && word && i + 1 < words.length) return { index: i + 1, offset: 0, value: words[i + 1]!, flag: word };
  if (long && word.startsWith(`${long}=`)) return { index: i, offset: long.length + 1, value: word.slice(long.length + 1), flag: long };
  if (short && word.startsWith(short) && word.length > short.length && !word.startsWith('--')) {
    return { index: i, offset: short.length, value: word.slice(short.length), flag: short };
  }
  return undefined;
}
