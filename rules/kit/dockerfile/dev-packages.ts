/**
 * System packages that only building, editing or debugging needs, in one
 * classification: `dockerfile/multi-stage` reports the build toolchain in a
 * final image, `dockerfile/runtime-dev-tools` the editors and debuggers, so
 * that one package is reported by one rule.
 */

/** What a development package is for. */
export type DevPackageKind = 'toolchain' | 'editor' | 'debugger';

/** Compilers, build tools and headers (exact package names; `-dev`/`-devel` packages are matched by suffix). */
const TOOLCHAIN = new Set([
  'gcc', 'g++', 'gcc-c++', 'cpp', 'clang', 'llvm', 'make', 'cmake', 'ninja', 'ninja-build', 'meson', 'autoconf', 'automake',
  'libtool', 'pkg-config', 'pkgconf', 'pkgconfig', 'build-essential', 'build-base', 'alpine-sdk', 'binutils', 'gfortran',
  'musl-dev', 'libc-dev', 'libc6-dev', 'linux-headers', 'kernel-headers', 'golang', 'go', 'rust', 'rustc', 'cargo', 'maven',
  'gradle', 'Development Tools', '@development-tools',
]);

const EDITORS = new Set(['vim', 'vim-tiny', 'vim-minimal', 'nano', 'emacs', 'emacs-nox']);
const DEBUGGERS = new Set(['gdb', 'strace', 'ltrace', 'valgrind']);

/** What a system package is for, when only building, editing or debugging needs it; undefined for anything else. */
export function devPackageKind(name: string): DevPackageKind | undefined {
  const n = name.replace(/:[a-z0-9]+$/, ''); // apt's `gcc:amd64`
  if (TOOLCHAIN.has(n) || /-(dev|devel)$/.test(n) || /^(gcc|g\+\+|clang|llvm)-\d+$/.test(n)) return 'toolchain';
  const lower = n.toLowerCase();
  if (EDITORS.has(lower)) return 'editor';
  if (DEBUGGERS.has(lower)) return 'debugger';
  return undefined;
}

/** A compiler, build tool or header package. */
export const isBuildToolchain = (name: string): boolean => devPackageKind(name) === 'toolchain';
