// Splits the go command's output into error records: a first line plus its continuation (indented lines, the
// paragraphs of a SECURITY ERROR, the help text after a git failure). `-x` trace lines and progress lines are
// set aside, so that output captured with -x or from `go get` explains the same way.

export interface ErrorRecord {
  /** The record's lines joined with "\n" (indentation kept: the cause is often in an indented line). */
  text: string;
  /** 0-based line of the first line in the input. */
  line: number;
}

export interface SplitOutput {
  records: ErrorRecord[];
  /** `go: downloading …`, `go: finding module …` and similar lines (not errors). */
  progress: string[];
  /** `-x` trace lines (`# get …`, `cd …`, `git …`). */
  trace: string[];
}

const TRACE = [/^# /, /^mkdir -p /, /^cd \S/, /^\d+(\.\d+)?s # /, /^(git|hg|svn|bzr|fossil) [a-z-]+\b/, /^rm -rf /, /^chmod /];

const PROGRESS = [
  /^go: downloading /,
  /^go: finding module for package /,
  /^go: found \S+ in /,
  /^go: (added|upgraded|downgraded|removed) /,
  /^go: module \S+ requires go >= \S+; switching to /,
  /^go: extracting /,
];

/** Lines that continue the previous record although they are not indented. */
const CONTINUATION = [
  /^SECURITY (ERROR|WARNING)$/,
  /^This download does NOT match/,
  /^The bits may have been replaced/,
  /^have intercepted the download/,
  /^For more information, see /,
  /^Confirm the import path was entered correctly/,
  /^If this is a private repository, see /,
  /^For more details see: /,
  /^(note|tree):$/,
  /^-> /,
];

/** A line that starts a new error even inside a SECURITY ERROR/WARNING block. */
const NEW_ERROR = /^(go: |verifying |warning: |\S+\.go:\d+|\S*go\.(mod|sum|work)(\.sum)?:\d+|malformed go\.sum)/;

// ANSI colour codes and carriage returns from terminals and CI logs.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function splitRecords(input: string): SplitOutput {
  const lines = input.replace(ANSI, '').replace(/\r\n?/g, '\n').split('\n');
  const out: SplitOutput = { records: [], progress: [], trace: [] };
  let current: { lines: string[]; line: number } | undefined;
  let blankRun = 0;
  // Inside the text of a signed note quoted by the sumdb client ("note:" … "— <name> <signature>").
  let inNote = false;
  // After "SECURITY ERROR"/"SECURITY WARNING" come free-form paragraphs (the sumdb client quotes whole trees).
  let inSecurity = false;
  const flush = () => {
    if (current) {
      while (current.lines.length > 0 && current.lines[current.lines.length - 1].trim() === '') current.lines.pop();
      if (current.lines.length > 0) out.records.push({ text: current.lines.join('\n'), line: current.line });
    }
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\s+$/, '');
    if (inNote && current && !/^go: /.test(line)) {
      current.lines.push(line);
      if (line.startsWith('\u2014 ')) inNote = false;
      continue;
    }
    inNote = false;
    if (inSecurity && current && !NEW_ERROR.test(line)) {
      current.lines.push(line);
      continue;
    }
    inSecurity = false;
    if (line === '') {
      blankRun++;
      if (current) current.lines.push('');
      continue;
    }
    const indented = /^\s/.test(line);
    if (!indented && TRACE.some((re) => re.test(line))) {
      out.trace.push(line);
      continue;
    }
    if (!indented && PROGRESS.some((re) => re.test(line))) {
      out.progress.push(line);
      continue;
    }
    const prev = current?.lines.filter((l) => l.trim() !== '').pop() ?? '';
    const continues =
      current !== undefined &&
      (indented ||
        CONTINUATION.some((re) => re.test(line)) ||
        // "malformed go.sum:" then "<file>:<line>: …" on the next line, without indentation.
        (blankRun === 0 && /:$/.test(prev) && !/^go: /.test(line)));
    blankRun = 0;
    if (continues) {
      current!.lines.push(line);
    } else {
      flush();
      current = { lines: [line], line: i };
    }
    if (/^\s*(note|tree):$/.test(line)) inNote = true;
    if (/^SECURITY (ERROR|WARNING)$/.test(line)) inSecurity = true;
  }
  flush();
  return out;
}
