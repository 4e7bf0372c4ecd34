// Reading the go command's `-x` trace (go-modules-reference.md §8.5) one line at a time: HTTP requests that start
// and finish, VCS commands, lock waits, and "go: downloading" lines. A `# get` without its result line is a
// request still in flight — the best hang indicator there is.

export type TraceEvent =
  | { kind: 'get-start'; url: string }
  | { kind: 'get-done'; url: string; status: string; seconds?: number }
  | { kind: 'get-failed'; url: string; error: string }
  | { kind: 'lock'; path: string }
  | { kind: 'downloading'; module: string; version: string }
  | { kind: 'vcs-start'; command: string; dir?: string }
  | { kind: 'vcs-done'; command: string; seconds: number }
  | { kind: 'cd'; dir: string }
  | { kind: 'other'; line: string };

const VCS = /^(git|hg|svn|bzr|fossil) \S/;

export function parseTraceLine(line: string): TraceEvent {
  let m = /^# get (\S+): (\d{3}\b[^()]*?)\s*\((\d+(?:\.\d+)?)s\)$/.exec(line);
  if (m) return { kind: 'get-done', url: m[1], status: m[2].trim(), seconds: Number(m[3]) };
  m = /^# get (\S+?): (.+)$/.exec(line);
  if (m) return { kind: 'get-failed', url: m[1], error: m[2] };
  m = /^# get (\S+)$/.exec(line);
  if (m) return { kind: 'get-start', url: m[1] };
  m = /^# lock (.+)$/.exec(line);
  if (m) return { kind: 'lock', path: m[1] };
  m = /^go: downloading (\S+) (\S+)$/.exec(line);
  if (m) return { kind: 'downloading', module: m[1], version: m[2] };
  m = /^(\d+(?:\.\d+)?)s # (?:cd \S+; )?(.+)$/.exec(line);
  if (m) return { kind: 'vcs-done', seconds: Number(m[1]), command: m[2] };
  m = /^cd (\S+)(?:; (.+))?$/.exec(line);
  if (m) return m[2] && VCS.test(m[2]) ? { kind: 'vcs-start', command: m[2], dir: m[1] } : { kind: 'cd', dir: m[1] };
  // An error quoting a git command ("git ls-remote … in …: exit status 128:") is not a trace line.
  if (VCS.test(line) && !/: exit status \d+/.test(line)) return { kind: 'vcs-start', command: line };
  return { kind: 'other', line };
}

/** True for lines that exist only because of -x (hidden from users who did not ask for -x). */
export function isTraceLine(line: string): boolean {
  const kind = parseTraceLine(line).kind;
  if (kind === 'downloading') return false;
  return kind !== 'other' || /^(mkdir -p |# )/.test(line);
}
