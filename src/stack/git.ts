/**
 * What git makes of a file of the checkout: whether the repository's index
 * tracks it, and whether its ignore files ignore it. Read from the files
 * alone (git is never run: the checkout is untrusted), and only inside the
 * project root: the repository is the nearest folder holding `.git` between
 * the file and the root (a `.git` folder with neither `HEAD` nor `index` is
 * none); with none, the `.gitignore`s from the root down still say whether the
 * file would be ignored.
 *
 * A `.git` that is a file (a worktree or a submodule: `gitdir: <path>`) is
 * followed when the folder it names lies inside the project root; otherwise
 * what the index says is unknown.
 */
import path from 'node:path';
import { gitIgnore, type IgnoreFile } from '../parse/git/ignore.js';
import { isTracked, MAX_INDEX_BYTES, readGitIndex, type GitIndex } from '../parse/git/index-file.js';
import type { GitState } from '../parse/compose/env-file.js';

/** How the reader gets at the checkout (the compose loader's reads: overlay-aware, inside the project root). */
export interface GitFiles {
  /** Reads stay inside it. */
  readonly top: string;
  /** What is at a path; undefined when unknown. */
  kind(abs: string): Promise<'file' | 'dir' | 'missing' | undefined>;
  /** A small file's text; undefined when missing or unreadable. */
  text(abs: string): Promise<string | undefined>;
  /** A file's bytes, when it is no larger than `max`; undefined when missing, unreadable or larger. */
  bytes(abs: string, max: number): Promise<Uint8Array | undefined>;
}

interface Repository {
  readonly dir: string;
  /** The index's paths; undefined when unknown (no readable index). */
  readonly index: GitIndex | 'none' | undefined;
  /** `info/exclude`'s text, when there is one. */
  readonly exclude: string | undefined;
}

export class GitReader {
  private readonly repositories = new Map<string, Promise<Repository | undefined>>();

  constructor(private readonly files: GitFiles) {}

  /** The state of a file; undefined when it lies outside the folder reads stay in. */
  async stateOf(abs: string): Promise<GitState | undefined> {
    if (!within(this.files.top, abs)) return undefined;
    const repo = await this.repositoryOf(path.dirname(abs));
    const top = repo?.dir ?? this.files.top;
    const ignoreFiles: IgnoreFile[] = [];
    if (repo?.exclude !== undefined) ignoreFiles.push({ dir: '', text: repo.exclude });
    const folders: string[] = [];
    for (let d = path.dirname(abs); ; d = path.dirname(d)) {
      folders.unshift(d);
      if (d === top || path.dirname(d) === d) break;
    }
    let found = 0;
    for (const d of folders) {
      const text = await this.files.text(path.join(d, '.gitignore'));
      if (text === undefined) continue;
      found++;
      ignoreFiles.push({ dir: posix(path.relative(top, d)), text });
    }
    const rel = posix(path.relative(top, abs));
    // With no repository and no .gitignore, nothing says the folder is kept in git at all.
    const ignored = repo || found ? gitIgnore(ignoreFiles).ignores(rel) : undefined;
    const tracked = repo?.index === 'none' ? false : repo?.index ? isTracked(repo.index, rel) : undefined;
    return { repository: repo !== undefined, ...(tracked !== undefined ? { tracked } : {}), ...(ignored !== undefined ? { ignored } : {}) };
  }

  /** The repository a folder belongs to: the nearest folder at or above it, up to the top, that holds `.git`. */
  private async repositoryOf(dir: string): Promise<Repository | undefined> {
    for (let d = dir; within(this.files.top, d); d = path.dirname(d)) {
      const kind = await this.files.kind(path.join(d, '.git'));
      const repo = kind === 'file' || kind === 'dir' ? await this.repository(d, kind) : undefined;
      // A `.git` that is no repository (an empty folder) is passed over, as git passes it over.
      if (repo) return repo;
      if (d === this.files.top || path.dirname(d) === d) break;
    }
    return undefined;
  }

  private repository(dir: string, kind: 'file' | 'dir'): Promise<Repository | undefined> {
    let hit = this.repositories.get(dir);
    if (!hit) {
      hit = this.readRepository(dir, kind);
      this.repositories.set(dir, hit);
    }
    return hit;
  }

  private async readRepository(dir: string, kind: 'file' | 'dir'): Promise<Repository | undefined> {
    const dotGit = path.join(dir, '.git');
    let gitDir: string | undefined = dotGit;
    if (kind === 'file') {
      // A worktree or submodule: `.git` names the folder that holds its index.
      const pointer = /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec((await this.files.text(dotGit)) ?? '');
      gitDir = pointer ? path.resolve(dir, pointer[1]!) : undefined;
      if (gitDir !== undefined && (!within(this.files.top, gitDir) || (await this.files.kind(gitDir)) !== 'dir')) gitDir = undefined;
    }
    if (gitDir === undefined) return { dir, index: undefined, exclude: undefined };
    // A worktree's `commondir` names the repository's own folder, where `info/exclude` and `config` are.
    const common = (await this.files.text(path.join(gitDir, 'commondir')))?.trim();
    const commonDir = common ? path.resolve(gitDir, common) : gitDir;
    const shared = within(this.files.top, commonDir);
    const exclude = shared ? await this.files.text(path.join(commonDir, 'info', 'exclude')) : undefined;
    const config = shared ? await this.files.text(path.join(commonDir, 'config')) : undefined;
    const hashBytes = config !== undefined && /^\s*objectformat\s*=\s*sha256\s*$/im.test(config) ? 32 : 20;
    const indexPath = path.join(gitDir, 'index');
    const indexKind = await this.files.kind(indexPath);
    // A repository has its HEAD (and, once anything was added, its index).
    if (indexKind !== 'file' && (await this.files.kind(path.join(gitDir, 'HEAD'))) !== 'file') return undefined;
    let index: Repository['index'];
    if (indexKind === 'missing') index = 'none'; // a repository nothing was ever added to
    else if (indexKind === 'file') {
      const bytes = await this.files.bytes(indexPath, MAX_INDEX_BYTES);
      index = bytes && readGitIndex(bytes, hashBytes);
    }
    return { dir, index, exclude };
  }
}

function within(dir: string, abs: string): boolean {
  const rel = path.relative(dir, abs);
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`));
}

function posix(rel: string): string {
  return rel.split(path.sep).join('/');
}
