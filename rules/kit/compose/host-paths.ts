/**
 * Host paths that matter when a container mounts them: key material and
 * configuration (which containers should only read), the host's system
 * directories (which containers should not see at all), and container
 * engine sockets (which give root on the host).
 */
import { normalisePath } from './volumes.js';

const KEY_SEGMENTS = new Set(['.ssh', '.gnupg', '.aws', '.kube', '.azure', '.docker', 'gcloud', 'letsencrypt', 'ssl', 'certs', 'tls', 'pki', 'secrets']);
const KEY_FILES = /^(?:authorized_keys|id_(?:rsa|dsa|ecdsa|ed25519)(?:\.pub)?|\.?htpasswd|\.netrc|\.pgpass|kubeconfig|credentials)$/i;
const KEY_EXTENSIONS = /\.(?:pem|key|crt|cer|p12|pfx|jks|keystore|gpg|asc)$/i;
const CONFIG_FILES = /(?:\.(?:conf|cnf|cfg|ini|config|toml|properties)|^Caddyfile)$/i;
const CONFIG_DIRS = /(?:^|[-_.])conf(?:\.d)?$|^conf[-_.]/i;

export type SensitiveKind = 'key material' | 'configuration';

/** What a bind-mounted path holds, judged from the host path and the container path. */
export function sensitiveContent(source: string, target: string | undefined): SensitiveKind | undefined {
  const paths = [source, target ?? ''].map((p) => normalisePath(p).split('/').filter((s) => s && s !== '.' && s !== '..' && s !== '~'));
  for (const segs of paths) {
    const last = segs[segs.length - 1] ?? '';
    if (segs.some((s) => KEY_SEGMENTS.has(s.toLowerCase())) || KEY_FILES.test(last) || KEY_EXTENSIONS.test(last)) return 'key material';
  }
  for (const segs of paths) {
    const last = segs[segs.length - 1] ?? '';
    if (CONFIG_FILES.test(last) || segs.some((s) => CONFIG_DIRS.test(s))) return 'configuration';
  }
  return undefined;
}

/** Container engine sockets: mounting one gives the container control of the engine, and so of the host. */
export function isEngineSocket(source: string): boolean {
  const p = normalisePath(source);
  return /(?:^|\/)(?:docker|podman|containerd)\.sock$/.test(p) || p === '/var/run/docker' || p === '/run/podman';
}

/** System directories whose whole tree is sensitive. */
const SENSITIVE_TREES = [
  '/proc', '/sys', '/boot', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet',
  '/etc/shadow', '/etc/gshadow', '/etc/sudoers', '/etc/sudoers.d', '/etc/ssh', '/etc/kubernetes', '/dev/mem', '/dev/kmem',
];
/** Directories that are sensitive as a whole (what is inside them may not be). */
const SENSITIVE_DIRS = new Set(['/', '/etc', '/var', '/var/run', '/run', '/var/lib', '/usr', '/lib', '/lib64', '/bin', '/sbin', '/home', '/dev', '/var/log', '/opt']);

/**
 * What in root's home holds credentials: the home as a whole does, and so do
 * these, but the rest is whatever the admin put there (`/root/n8n/.n8n`, an
 * application's data folder, is just that).
 */
const ROOT_CREDENTIALS = ['.ssh', '.gnupg', '.aws', '.kube', '.docker', '.azure', '.config/gcloud', '.netrc', '.pgpass', '.git-credentials'].map((c) => `/root/${c}`);

/** The host system directory a bind mount exposes, if it is one (`/`, `/etc`, `/proc/…`, `~`, `/root/.ssh`). */
export function sensitiveHostDirectory(source: string): string | undefined {
  const raw = source.trim();
  if (raw === '~' || raw === '~/' || raw === '$HOME' || raw === '${HOME}') return '~ (a home directory)';
  if (!raw.startsWith('/')) return undefined;
  const p = normalisePath(raw);
  if (isEngineSocket(p)) return undefined;
  if (SENSITIVE_DIRS.has(p)) return p;
  if (p === '/root') return "/root (root's home directory)";
  return [...SENSITIVE_TREES, ...ROOT_CREDENTIALS].find((t) => p === t || p.startsWith(`${t}/`));
}
