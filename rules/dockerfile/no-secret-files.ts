import { cleanPath, defineRule, parseDockerIgnore, type DfArgument, type DfInstruction } from '../kit/index.js';

/** File names that hold credentials, and what they are. */
const SECRET_NAMES: { re: RegExp; what: string }[] = [
  { re: /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/, what: 'an SSH private key' },
  { re: /^\.ssh$/, what: 'an SSH folder (private keys)' },
  { re: /\.(key|p12|pfx|jks|keystore|ppk|asc|gpg)$/i, what: 'a private key or key store' },
  { re: /\.pem$/i, what: 'a PEM file (often a private key)' },
  { re: /^\.env$|^\.env\.(?!(example|sample|template|dist|defaults?|schema)$)[\w.-]+$|^[\w.-]+\.env$/i, what: 'an environment file (usually secrets)' },
  { re: /^\.(npmrc|pypirc|netrc|git-credentials|htpasswd|dockercfg|pgpass|my\.cnf)$/, what: 'a credentials file' },
  { re: /^(credentials(\.json)?|service[-_]?account.*\.json|kubeconfig|\.kube|\.aws|\.gnupg|\.docker)$/i, what: 'a credentials file or folder' },
];
/** PEM files that are certificates (public) rather than keys. */
const PUBLIC_PEM = /(cert|chain|ca[-_.]|^ca$|bundle|pub|public|root)/i;
const CA_DIRS = /^\/(usr\/local\/share\/ca-certificates|etc\/ssl\/certs|etc\/pki\/ca-trust)/;
const EXAMPLE = /(example|sample|template|dist|dummy|test|fake)/i;

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/no-secret-files',
    kind: 'dockerfile',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: 'COPY and ADD bring no secret files into the image (`id_rsa`, private keys, `*.pem`, `.env`, `.npmrc`, …)',
    tags: ['security'],
    securitySeverity: 7.5,
  },
  check(ctx) {
    // The .dockerignore of every context the repository builds it from (else the one beside it): a file each of
    // them excludes never reaches the build, so it cannot reach the image (the COPY fails: dockerfile/copy-ignored-file).
    const contexts = ctx.stack.buildContextsOf(ctx.dockerfile.file.path);
    const ignores = (contexts.length ? contexts.map((c) => c.dockerignore) : [ctx.dockerfile.dockerignore]).map((d) => (d ? parseDockerIgnore(d.text) : undefined));
    const excludedEverywhere = (source: string) => {
      const clean = cleanPath(source);
      return clean !== '.' && ignores.every((i) => i !== undefined && i.ignores(clean) && !i.mayReinclude(clean));
    };
    for (const written of ctx.dockerfile.instructions) {
      const ins = written.trigger ?? written;
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const fromContext = !written.trigger && !ins.flags.some((f) => f.name.toLowerCase() === 'from');
      const { sources, dest } = split(ins);
      for (const src of sources) {
        const what = secretKind(src.value, dest);
        if (!what || (fromContext && excludedEverywhere(src.value))) continue;
        ctx.report({
          node: src,
          message: `${ins.keyword} ${src.value} puts ${what} into an image layer, where anyone who can pull the image can read it, even if a later step deletes it; use RUN --mount=type=secret (or --mount=type=ssh), or provide it at run time`,
        });
      }
    }
  },
});

function split(ins: DfInstruction): { sources: DfArgument[]; dest: string } {
  if (ins.execForm || /^\s*(\[|<<)/.test(ins.argsText) || ins.args.length < 2) return { sources: [], dest: '' };
  return { sources: ins.args.slice(0, -1), dest: ins.args.at(-1)!.value };
}

function secretKind(source: string, dest: string): string | undefined {
  const path = source.replace(/\/+$/, '');
  const name = path.split('/').pop() ?? path;
  if (name === '' || name.includes('$') || EXAMPLE.test(name)) return undefined;
  for (const { re, what } of SECRET_NAMES) {
    if (!re.test(name)) continue;
    if (/\.pem$/i.test(name) && (PUBLIC_PEM.test(name) || CA_DIRS.test(dest))) return undefined;
    if (/\.(asc|gpg)$/i.test(name) && !/(secret|private|priv)/i.test(name)) return undefined; // public keys and signatures
    if (/\.key$/i.test(name) && /(gpg|pgp|signing|release|archive|keyring|repo)/i.test(name)) return undefined; // repository signing keys
    return what;
  }
  return undefined;
}
