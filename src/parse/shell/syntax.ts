/**
 * A second opinion on shell syntax from mvdan/sh (the `sh-syntax` WASM build).
 *
 * tree-sitter-bash recovers from errors and also reports ERROR nodes for some
 * valid scripts, so `shell/syntax` is reported only when tree-sitter finds an
 * error AND sh-syntax rejects the script; the message and position are
 * sh-syntax's. sh-syntax is loaded lazily, only when asked.
 *
 * sh-syntax positions: `Pos.Offset` is a 0-based UTF-8 *byte* offset, `Line`
 * is 1-based and `Col` is a 1-based *byte* column. Errors about features of
 * another dialect ("… is a bash feature; tried parsing as posix") come as a
 * plain error whose message starts with `line:col: ` (same units). Both are
 * converted to a UTF-16 offset into `text`.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { LangVariant } from 'sh-syntax';
import type { ShellDialect } from './types.js';

export interface ShellSyntaxError {
  message: string;
  /** 0-based UTF-16 offset into the checked text. */
  offset: number;
}

type ShSyntaxModule = typeof import('sh-syntax');
/** The WebAssembly global (its types are not in this project's libs). */
const Wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<unknown>; instantiate(module: unknown, imports: unknown): Promise<unknown> } }).WebAssembly;
type Parse = (text: string, options: { variant: LangVariant; keepComments: boolean }) => Promise<unknown>;

let modulePromise: Promise<{ sh: ShSyntaxModule; parse: Parse }> | undefined;

/**
 * sh-syntax's own `parse` compiles its 750 kB WebAssembly module again on
 * every call (~20 ms each); here it is compiled once per process and each
 * call only instantiates it (the Go runtime wants a fresh instance).
 */
function loadShSyntax(): Promise<{ sh: ShSyntaxModule; parse: Parse }> {
  modulePromise ??= import('sh-syntax').then(
    (sh) => {
      let compiled: Promise<unknown> | undefined;
      const instantiate = async (imports: unknown): Promise<unknown> => {
        compiled ??= readFile(createRequire(import.meta.url).resolve('sh-syntax/main.wasm')).then((bytes) => Wasm.compile(bytes));
        return Wasm.instantiate(await compiled, imports);
      };
      const parse = typeof sh.getProcessor === 'function' ? (sh.getProcessor(instantiate as never) as Parse) : (sh.parse as Parse);
      return { sh, parse };
    },
    (err: unknown) => {
      modulePromise = undefined;
      throw err;
    },
  );
  return modulePromise;
}

type Variant = 'bash' | 'posix' | 'mksh' | 'zsh';

function variantFor(dialect: ShellDialect): Variant {
  switch (dialect) {
    case 'sh':
    case 'dash':
    case 'ash':
    case 'busybox':
      return 'posix';
    case 'ksh':
      return 'mksh';
    case 'zsh':
      return 'zsh';
    default:
      return 'bash';
  }
}

/**
 * Checks `text` with mvdan/sh in the dialect's language variant. Returns the
 * first syntax error, or undefined when the script parses.
 *
 * For the non-bash variants a rejection only counts when bash mode rejects the
 * script too: mvdan/sh's POSIX mode refuses bash features (`function f()`,
 * arrays, `${x//a/b}`, …) that dash or busybox may accept, and bash-only syntax
 * under `sh` is a separate rule. The error reported is the dialect's own,
 * unless it is only a "bash feature" complaint, then it is bash's.
 */
export async function checkShellSyntax(text: string, dialect: ShellDialect): Promise<ShellSyntaxError | undefined> {
  const { sh, parse } = await loadShSyntax();
  const variants: Record<Variant, LangVariant> = {
    bash: sh.LangVariant.LangBash,
    posix: sh.LangVariant.LangPOSIX,
    mksh: sh.LangVariant.LangMirBSDKorn,
    zsh: sh.LangVariant.LangZsh,
  };
  const variant = variantFor(dialect);
  const error = await tryParse(parse, text, variants[variant]);
  if (!error || variant === 'bash') return error;
  const bashError = await tryParse(parse, text, variants.bash);
  if (!bashError) return undefined;
  // "the `function` builtin is a bash feature; tried parsing as posix" is not
  // the real problem when bash rejects the script too: report bash's error
  return /tried parsing as/.test(error.message) ? bashError : error;
}

async function tryParse(parse: Parse, text: string, variant: LangVariant): Promise<ShellSyntaxError | undefined> {
  try {
    await parse(text, { variant, keepComments: false });
    return undefined;
  } catch (err) {
    return toSyntaxError(err, text);
  }
}

interface ShPos {
  Offset?: number;
  Line?: number;
  Col?: number;
}

/** Converts an error thrown by sh-syntax into a message and UTF-16 offset. */
export function toSyntaxError(err: unknown, text: string): ShellSyntaxError {
  const e = (err ?? {}) as { Text?: unknown; Pos?: ShPos; message?: unknown; Incomplete?: unknown };
  const raw = typeof e.Text === 'string' && e.Text !== '' ? e.Text : typeof e.message === 'string' ? e.message : String(err);
  const pos = e.Pos;
  if (pos && typeof pos.Offset === 'number' && (pos.Offset > 0 || !(typeof pos.Line === 'number' && pos.Line > 1))) {
    return { message: raw, offset: utf8ToUtf16Offset(text, pos.Offset) };
  }
  if (pos && typeof pos.Line === 'number' && typeof pos.Col === 'number' && pos.Line > 0) {
    return { message: raw, offset: lineColToOffset(text, pos.Line, pos.Col) };
  }
  // "1:11: the `function` builtin is a bash feature; tried parsing as posix"
  const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(raw);
  if (m) return { message: m[3]!, offset: lineColToOffset(text, Number(m[1]), Number(m[2])) };
  return { message: raw, offset: e.Incomplete === true ? text.length : 0 };
}

/** UTF-16 offset of a UTF-8 byte offset into `text` (clamped to the text). */
export function utf8ToUtf16Offset(text: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const cp = text.codePointAt(i)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** UTF-16 offset of a 1-based line and 1-based UTF-8 byte column. */
function lineColToOffset(text: string, line: number, col: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return text.length;
    start = nl + 1;
  }
  return start + utf8ToUtf16Offset(text.slice(start), Math.max(0, col - 1));
}
