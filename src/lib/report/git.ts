/**
 * The base side of a change report, read from git: which files under data/ and content/ differ
 * between a base commit and the working tree, and the base's bytes of any of them. The report
 * takes this as an argument (a BaseTree), so its tests can hand it any tree they like.
 */
import { execFileSync } from 'node:child_process';

/** How a file differs between the base and the working tree. */
export type ChangeStatus = 'added' | 'modified' | 'deleted';

/** One file that differs, by its project-relative path. */
export interface ChangedFile {
  readonly path: string;
  readonly status: ChangeStatus;
}

/** What the report needs of the base: only what changed, and the base's copy of those files. */
export interface BaseTree {
  /** A name for the base in the report, e.g. "origin/main" or a commit. */
  readonly name: string;
  /** Files under the given folders that differ between the base and the working tree (untracked files count as added). */
  changedFiles(folders: readonly string[]): ChangedFile[];
  /** The base's bytes of a file, or undefined when the base has no such file. */
  read(path: string): Uint8Array | undefined;
  /** Names of the files directly in a folder of the base (none when the base has no such folder). */
  list(folder: string): string[];
}

/** A BaseTree backed by the git repository at `root`, compared with the commit `ref` names. */
export function gitBaseTree(root: string, ref: string): BaseTree {
  const git = (args: readonly string[]) => execFileSync('git', ['-C', root, ...args], { maxBuffer: 256 * 1024 * 1024 });
  // Refuse an unknown ref at once, with git's own words, rather than report "nothing changed".
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const nulSeparated = (buffer: Buffer) => buffer.toString('utf8').split('\0').filter(Boolean);
  return {
    name: ref,
    changedFiles(folders) {
      const changed = new Map<string, ChangeStatus>();
      // Tracked files: base commit against the working tree, renames as a deletion and an addition.
      const fields = nulSeparated(git(['diff', '--no-renames', '--name-status', '-z', ref, '--', ...folders]));
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const code = fields[i]!;
        changed.set(fields[i + 1]!, code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified');
      }
      // Files not yet added to git (an editor's new release before `git add`).
      for (const path of nulSeparated(git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...folders]))) changed.set(path, 'added');
      return [...changed].map(([path, status]) => ({ path, status })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    read(path) {
      try {
        return new Uint8Array(execFileSync('git', ['-C', root, 'show', `${ref}:${path}`], { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }));
      } catch {
        return undefined;
      }
    },
    list(folder) {
      try {
        const out = execFileSync('git', ['-C', root, 'ls-tree', '-z', '--name-only', `${ref}:${folder}`], { stdio: ['ignore', 'pipe', 'ignore'] });
        return nulSeparated(out);
      } catch {
        return [];
      }
    },
  };
}
