import { basename } from 'node:path';
import {
  defineRule,
  downloadCommand,
  flagValues,
  keyValues,
  packageCommand,
  runInstructions,
  type Locatable,
  type ShCommand,
  type ShWord,
} from '../kit/index.js';

/** Environment variables that switch certificate checks off, and the values that do it. */
const ENV_SWITCHES: Record<string, { off: (v: string) => boolean; what: string }> = {
  PYTHONHTTPSVERIFY: { off: (v) => v.trim() === '0', what: "Python's HTTPS certificate checks" },
  NODE_TLS_REJECT_UNAUTHORIZED: { off: (v) => v.trim() === '0', what: "Node.js's TLS certificate checks" },
  GIT_SSL_NO_VERIFY: { off: () => true, what: "git's TLS certificate checks (any value, even 0 or empty, turns them off)" },
  PIP_TRUSTED_HOST: { off: (v) => v.trim() !== '', what: "pip's TLS checks for the hosts it lists" },
  NPM_CONFIG_STRICT_SSL: { off: (v) => /^(false|0|no)$/i.test(v.trim()), what: "npm's TLS certificate checks" },
  GOINSECURE: { off: (v) => v.trim() !== '', what: "Go's TLS checks for the modules it lists" },
};
const FALSE = /^(false|0|no|off)$/i;

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/no-tls-bypass',
    kind: 'dockerfile',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: 'Downloads keep TLS certificate verification on (no `curl -k`, `wget --no-check-certificate`, pip `--trusted-host`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, …)',
    tags: ['security'],
    securitySeverity: 7.4,
  },
  check(ctx) {
    const report = (node: Locatable, what: string) =>
      ctx.report({
        node,
        message: `${what}, so anyone on the network path can swap what the build downloads; fix the trust store (install the CA) instead`,
      });

    for (const written of ctx.dockerfile.instructions) {
      const ins = written.trigger ?? written;
      if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
        for (const p of keyValues(ins)) {
          const sw = ENV_SWITCHES[p.name.toUpperCase()];
          if (sw && p.value !== undefined && sw.off(p.value)) report({ start: p.nameSpan.start, end: (p.valueSpan ?? p.nameSpan).end }, `${ins.keyword} ${p.name}=${p.value} turns off ${sw.what}`);
        }
      }
    }

    for (const run of runInstructions(ctx.dockerfile)) {
      for (const cmd of run.commands) {
        for (const a of cmd.assignments) {
          const sw = ENV_SWITCHES[a.name.toUpperCase()];
          const value = a.value ? (a.value.value ?? a.value.raw) : '';
          if (sw && sw.off(value)) report(a, `${a.name}=${value} turns off ${sw.what}`);
        }
        const found = commandBypass(cmd);
        if (found) report(found.node, found.what);
      }
    }
  },
});

/** The word of a command that turns certificate checks off, with what it does. */
function commandBypass(cmd: ShCommand): { node: ShWord; what: string } | undefined {
  const dl = downloadCommand(cmd);
  if (dl?.insecure) {
    return { node: dl.insecure, what: `${dl.tool} ${dl.insecure.raw} turns off TLS certificate verification` };
  }
  const pkg = packageCommand(cmd);
  if (pkg?.manager === 'pip') {
    const trusted = pkg.findFlag('--trusted-host');
    if (trusted) return { node: trusted, what: `pip --trusted-host turns off TLS checks for that host` };
    const key = configSet(pkg.view, /^(global|install|download)\.trusted-host$/);
    if (key) return { node: key, what: 'pip config trusted-host turns off TLS checks for that host' };
  }
  if (pkg && (pkg.manager === 'npm' || pkg.manager === 'yarn' || pkg.manager === 'pnpm')) {
    const flag = pkg.flagValues('--strict-ssl').find((v) => FALSE.test(v.value ?? ''));
    if (flag) return { node: flag.flag, what: `${pkg.manager} --strict-ssl=false turns off TLS certificate verification` };
    const key = configSet(pkg.view, /^strict-ssl$/, FALSE);
    if (key) return { node: key, what: `${pkg.manager} config strict-ssl false turns off TLS certificate verification` };
  }
  if (pkg && (pkg.manager === 'yum' || pkg.manager === 'dnf' || pkg.manager === 'microdnf')) {
    const opt = pkg.flagValues('--setopt').find((v) => /(^|\.)sslverify=(0|false|no|off)$/i.test(v.value ?? ''));
    if (opt) return { node: opt.word, what: `${pkg.manager} --setopt=sslverify=… turns off TLS certificate verification for its repositories` };
  }
  const name = cmd.name === undefined ? '' : basename(cmd.name);
  if (name === 'git') {
    const c = flagValues(cmd, '-c').find((v) => /^http\.(.*\.)?sslverify=(false|0|no|off)$/i.test(v.value ?? ''));
    if (c) return { node: c.word, what: 'git -c http.sslVerify=false turns off TLS certificate verification' };
    const args = cmd.args.map((a) => a.value ?? '');
    const i = args.findIndex((a) => /^http\.(.*\.)?sslverify$/i.test(a));
    if (args.includes('config') && i >= 0 && FALSE.test(args[i + 1] ?? '')) {
      return { node: cmd.args[i]!, what: 'git config http.sslVerify false turns off TLS certificate verification' };
    }
  }
  if (name === 'composer') {
    const args = cmd.args.map((a) => a.value ?? '');
    const i = args.findIndex((a) => a === 'disable-tls' || a === 'secure-http');
    if (i >= 0 && (args[i] === 'disable-tls' ? /^(true|1)$/i : FALSE).test(args[i + 1] ?? '')) {
      return { node: cmd.args[i]!, what: `composer config ${args[i]} ${args[i + 1]} lets composer download without TLS` };
    }
  }
  if (name === 'conda') {
    const args = cmd.args.map((a) => a.value ?? '');
    const i = args.indexOf('ssl_verify');
    if (i >= 0 && FALSE.test(args[i + 1] ?? '')) return { node: cmd.args[i]!, what: 'conda config ssl_verify false turns off TLS certificate verification' };
  }
  // writing configuration: echo "sslverify=0" >> /etc/yum.conf, echo check_certificate=off >> ~/.wgetrc, echo insecure >> ~/.curlrc
  const word = cmd.args.find((a) => /(^|\\n|[^\w])sslverify\s*=\s*(0|false|no|off)\b/i.test(a.value ?? '') || /(^|\\n|[^\w])check_certificate\s*=\s*off\b/i.test(a.value ?? ''));
  if (word) return { node: word, what: `${/sslverify/i.test(word.value ?? '') ? 'sslverify' : 'check_certificate'} off in a configuration file turns off TLS certificate verification` };
  if ((name === 'echo' || name === 'printf') && cmd.redirects.some((r) => /\.curlrc$/.test(r.target?.value ?? ''))) {
    const insecure = cmd.args.find((a) => /^(insecure|-k|--insecure)$/.test((a.value ?? '').trim()));
    if (insecure) return { node: insecure, what: '"insecure" in .curlrc turns off curl\'s TLS certificate verification' };
  }
  return undefined;
}

/** The key word of `<tool> config set <key> <value>` (or `npm set key value`, `key=value`) when the key matches. */
function configSet(view: ShCommand, key: RegExp, value?: RegExp): ShWord | undefined {
  const args = view.args;
  const vals = args.map((a) => a.value ?? '');
  const setAt = vals[0] === 'set' ? 0 : vals[0] === 'config' && vals[1] === 'set' ? 1 : -1;
  if (setAt < 0) return undefined;
  for (let i = setAt + 1; i < vals.length; i++) {
    const v = vals[i]!;
    if (v.startsWith('-')) continue;
    const eq = v.indexOf('=');
    const k = eq >= 0 ? v.slice(0, eq) : v;
    const val = eq >= 0 ? v.slice(eq + 1) : vals[i + 1];
    if (key.test(k) && (!value || value.test(val ?? ''))) return args[i];
    return undefined;
  }
  return undefined;
}
