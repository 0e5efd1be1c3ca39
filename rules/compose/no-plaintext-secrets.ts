import {
  defineRule,
  entries,
  envFileRefs,
  findCommandSecrets,
  findSecretFlags,
  findTokens,
  findUrlPasswords,
  innerRange,
  isEnvTemplate,
  isMap,
  isNonProductionFile,
  isNonSecretValue,
  isScalar,
  isSecretName,
  isSeq,
  mapAt,
  redactSecret,
  scalarsWithPath,
  secretEntries,
  svc,
  type SourceFile,
  type Span,
  type YNode,
  type YScalar,
} from '../kit/index.js';

/** Where services name variables: the value lands in the container (environment, labels) or in the image (build args). */
const NAMED_VALUES: readonly { path: string[]; what: string; instead: (key: string) => string }[] = [
  { path: ['environment'], what: 'environment', instead: (k) => `read it from an untracked .env (\${${k}}) or a Compose secret (${k}_FILE)` },
  { path: ['labels'], what: 'labels', instead: () => 'labels are readable by anyone who can inspect the container; keep secrets out of them' },
  { path: ['build', 'args'], what: 'build args', instead: () => 'build args stay in the image history; use a build secret (RUN --mount=type=secret)' },
];

/** Flags whose value names a user, database or host: a word after them is that name, whatever else has the same value. */
const NAME_FLAGS = new Set(['-U', '-u', '--user', '--username', '-d', '--dbname', '--database', '-h', '--host']);

export default defineRule<'compose', { envFiles: boolean }>({
  meta: {
    id: 'compose/no-plaintext-secrets',
    kind: 'compose',
    category: 'secrets',
    severity: 'error',
    fix: 'none',
    summary: 'Passwords, tokens and keys are not written into the compose file or the env files it names',
    options: {
      type: 'object',
      properties: { envFiles: { type: 'boolean', default: true } },
      additionalProperties: false,
    },
    tags: ['security'],
    securitySeverity: 8.0,
  },
  parts: [
    {
      // Secrets are judged where they are written, in every file of the project: a literal a later file
      // overrides is still in the repository. The project ties the files together: a command line that
      // repeats the literal value of a secret variable set in another file of the same environment.
      scope: 'environment',
      check(ctx) {
        const { project, report } = ctx;
        const throwaway = (file: SourceFile): boolean => isThrowaway(file, ctx.settings);
        const done = new SpanIndex();
        const once = (file: SourceFile, span: Span, message: string): void => {
          if (done.overlaps(file, span)) return;
          done.add(file, span);
          report({ range: span, file, message, secrets: [span] });
        };
        /** Literal values of secret variables, first key by value (values of 4 characters and more). */
        const literals = new Map<string, string>();
        /** Literal values of the other variables (a user or database name may equal the password: `penpot`/`penpot`). */
        const plain = new Set<string>();
        // Every service mapping as a file of the project writes it.
        const written = project.services.flatMap((service) => service.definitions.filter((d) => d.via === 'file').map((d) => ({ service, node: d.node })));

        // 1. Variables whose name says they hold a secret, set to a literal.
        for (const { service, node: mapping } of written) {
          for (const { path, what, instead } of NAMED_VALUES) {
            const node = path.length === 1 ? mapping.get(path[0]!) : mapAt(mapping.get(path[0]!))?.get(path[1]!);
            for (const e of entries(project, node)) {
              if (!isSecretName(e.key) && e.value !== undefined) plain.add(e.value);
              if (!isSecretName(e.key) || e.value === undefined || !e.node || !e.valueRange || throwaway(e.node.file)) continue;
              if (e.interpolated && !e.fromDefault) continue;
              if (isNonSecretValue(e.value)) continue;
              if (e.value.length >= 4 && !literals.has(e.value)) literals.set(e.value, e.key);
              const how = e.fromDefault ? 'falls back to a literal default' : 'is set to a literal value';
              once(e.node.file, e.valueRange, `${svc(service.name)}: ${e.key} in ${what} ${how} (${redactSecret(e.value)}); ${instead(e.key)}`);
            }
          }
        }

        // 2. Token shapes and passwords in URLs, anywhere in the files.
        for (const doc of project.files) {
          for (const { node, path } of scalarsWithPath(doc.root)) {
            if (node.value === null || typeof node.value !== 'string') continue;
            const text = node.value;
            const tokens = findTokens(text);
            const found = throwaway(node.file) ? tokens : [...tokens, ...findUrlPasswords(text)];
            if (found.length === 0) continue;
            const label = labelOf(path, text);
            for (const f of found) {
              once(node.file, innerRange(node, f.start, f.end), `${label} contains ${f.what} (${redactSecret(text.slice(f.start, f.end))}); pass it in through a variable or a Compose secret`);
            }
          }
        }

        // 3. Secrets on command lines: --password=…, and secret values repeated there.
        for (const { service, node: mapping } of written) {
          const hc = mapping.get('healthcheck');
          if (throwaway(mapping.file)) continue;
          const lines: YNode[] = [mapping.get('command'), mapping.get('entrypoint'), isMap(hc) ? hc.get('test') : undefined].filter((n): n is YNode => n !== undefined);
          for (const line of lines) {
            const args = argumentsOf(line);
            for (const flag of findSecretFlags(args.map((a) => a.text))) {
              const arg = args[flag.index]!;
              const value = arg.text.slice(flag.start, flag.end);
              once(arg.node.file, innerRange(arg.node, arg.start + flag.start, arg.start + flag.end), `${svc(service.name)} passes ${flag.flag} a literal value on its command line (${redactSecret(value)}), where process lists and logs show it`);
            }
            for (const found of findCommandSecrets(args.map((a) => a.text))) {
              const arg = args[found.index]!;
              const value = arg.text.slice(found.start, found.end);
              once(arg.node.file, innerRange(arg.node, arg.start + found.start, arg.start + found.end), `${svc(service.name)} puts ${found.what} on its command line (${found.option} ${redactSecret(value)}), where process lists and logs show it`);
            }
            for (const [i, arg] of args.entries()) {
              const key = literals.get(arg.text);
              // The same word is also a user or database name: on a command line it is that, not the password.
              if (key === undefined || plain.has(arg.text) || NAME_FLAGS.has(args[i - 1]?.text ?? '')) continue;
              once(arg.node.file, innerRange(arg.node, arg.start, arg.start + arg.text.length), `${svc(service.name)} repeats the literal value of ${key} on its command line (${redactSecret(arg.text)})`);
            }
          }
        }
      },
    },
    {
      check(ctx) {
        const throwaway = (file: SourceFile): boolean => isThrowaway(file, ctx.settings);
        // 4. The env_file files services name (not the .env used for interpolation), unless git ignores them: per file, as the parse stage read them.
        if (!ctx.options.envFiles) return;
        const doc = ctx.compose;
        if (throwaway(doc.file)) return;
        const seenFiles = new Set<string>();
        for (const service of doc.services) {
          for (const ref of envFileRefs(doc, service.get('env_file'))) {
            const envFile = doc.envFiles.get(doc.resolvePath(ref.path));
            // A template's values are placeholders for users to replace, not secrets.
            if (envFile && isEnvTemplate(envFile.path)) continue;
            // Ignored by git and not tracked: the recommended place for a stack's secrets (compose/env-file-ignored checks that it stays there).
            if (envFile?.git?.ignored === true && envFile.git.tracked !== true) continue;
            if (!envFile?.source || seenFiles.has(envFile.path)) continue;
            seenFiles.add(envFile.path);
            for (const e of secretEntries(envFile)) {
              ctx.report({
                range: e.valueSpan,
                secrets: [e.valueSpan],
                file: envFile.source,
                // Not naming the service: several compose files may read the file, and the finding is one.
                message: `${e.key} in ${envFile.source.relPath} (an env_file of the stack) is a literal value (${redactSecret(e.value)}); keep the file out of version control or use a Compose secret`,
              });
            }
          }
        }
      },
    },
  ],
});

/**
 * The literal passwords of a development, test or CI file are throwaway values made up for it (a token or a
 * private key is real anywhere: those are reported in every file).
 */
function isThrowaway(file: SourceFile, settings: Readonly<Record<string, unknown>>): boolean {
  return isNonProductionFile(file, settings);
}

/** Spans already reported, by file and 512-character bucket, so overlap checks stay cheap on big files. */
class SpanIndex {
  private readonly buckets = new Map<string, Span[]>();

  private keys(file: SourceFile, span: Span): string[] {
    const out: string[] = [];
    for (let b = Math.floor(span.start / 512); b <= Math.floor(Math.max(span.start, span.end - 1) / 512); b++) out.push(`${file.path}\u0000${b}`);
    return out;
  }

  overlaps(file: SourceFile, span: Span): boolean {
    return this.keys(file, span).some((k) => this.buckets.get(k)?.some((d) => d.start < span.end && span.start < d.end));
  }

  add(file: SourceFile, span: Span): void {
    for (const k of this.keys(file, span)) (this.buckets.get(k) ?? this.buckets.set(k, []).get(k)!).push(span);
  }
}

/** `services.web.environment.DATABASE_URL` → `DATABASE_URL`; list items `KEY=value` → `KEY`. */
function labelOf(path: (string | number)[], text: string): string {
  const service = path[0] === 'services' && typeof path[1] === 'string' ? `${svc(path[1])}: ` : '';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const eq = /^([A-Za-z_][A-Za-z0-9_.-]*)=/.exec(text);
    if (eq) return `${service}${eq[1]}`;
    const key = [...path].reverse().find((p) => typeof p === 'string');
    return `${service}an item of ${key ?? 'a list'}`;
  }
  return `${service}${last ?? 'a value'}`;
}

/**
 * The words of a command with their offsets in their scalar's value: the string form split on
 * blanks, the list form item by item (an item is one word, blanks and all: `"Authorization: Bearer …"`),
 * except the shell command of a `CMD-SHELL` healthcheck, which is split too.
 */
function argumentsOf(node: YNode): { node: YScalar; text: string; start: number }[] {
  const scalars = isSeq(node) ? node.items.filter(isScalar) : isScalar(node) ? [node] : [];
  const shellForm = !isSeq(node) || scalars[0]?.value === 'CMD-SHELL';
  const args: { node: YScalar; text: string; start: number }[] = [];
  for (const s of scalars) {
    if (typeof s.value !== 'string') continue;
    const text = s.value;
    if (!shellForm) {
      args.push({ node: s, text, start: 0 });
      continue;
    }
    const re = /[^\s'"]+|"[^"]*"|'[^']*'/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const quoted = /^["']/.test(m[0]);
      args.push({ node: s, text: quoted ? m[0].slice(1, -1) : m[0], start: quoted ? m.index + 1 : m.index });
    }
  }
  return args;
}

