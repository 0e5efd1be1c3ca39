/**
 * The kinds of linted file, each a plug-in folder (./types.ts says what one
 * holds, including the properties other stages ask a kind: its comments, its
 * peer linter, whether planning reads it). Registering a kind is one line in
 * `FILE_KINDS`, besides its name in `FileKind` (src/core/source.ts: core is
 * below the parse stage and this folder, and `SourceFile.kind` is typed there;
 * the check below fails to compile when the two disagree). The order is the
 * order names are matched in. Every other stage reads this table.
 */
import type { SyntaxProblem } from '../parse/compose/document.js';
import type { FileKind, SourceFile } from '../core/source.js';
import { composeKind } from './compose/index.js';
import { dockerfileKind } from './dockerfile/index.js';
import { shellKind } from './shell/index.js';
import type { FileKindPlugin } from './types.js';

export const FILE_KINDS = [composeKind, dockerfileKind, shellKind] as const;

type Registered = (typeof FILE_KINDS)[number];
/** Every name of `FileKind` has its plug-in here, and no plug-in has another name. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const REGISTERED_ALL: Exactly<Registered['name'], FileKind> = true;
void REGISTERED_ALL;

/** The names of the kinds, in `FILE_KINDS` order (for schemas and messages). */
export const FILE_KIND_NAMES: readonly FileKind[] = FILE_KINDS.map((k) => k.name);
type PluginOf<K extends FileKind> = Extract<Registered, { name: K }>;
/** A kind's parsed document. */
export type DocumentOf<K extends FileKind> = PluginOf<K> extends FileKindPlugin<K, infer D, unknown> ? D : never;
/** The fields a kind's rules find in their context besides the common ones. */
export type ContextFieldsOf<K extends FileKind> = NonNullable<PluginOf<K>['context']>;

/** A file the parse stage read: its document, or the problems that kept it from parsing. */
export type ParsedFile = { [K in FileKind]: { kind: K; source: SourceFile; doc?: DocumentOf<K>; problems: SyntaxProblem[] } }[FileKind];

const byName = new Map<FileKind, FileKindPlugin>(FILE_KINDS.map((k) => [k.name, k as unknown as FileKindPlugin]));

/** The plug-in of a kind. */
export function fileKind(kind: FileKind): FileKindPlugin {
  return byName.get(kind)!;
}

export type { CommentInfo, DirectiveSource, FileKindPlugin, FileRun, ParseIO, RulesByKind } from './types.js';
