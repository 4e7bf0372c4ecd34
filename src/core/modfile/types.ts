// Syntax trees for go.mod, go.work and go.sum with exact 0-based ranges (UTF-16 columns, as LSP counts them).
import type { Range } from '../finding';

/** One argument token as written in the file. */
export interface Token {
  /** The raw text in the file, quotes included. */
  raw: string;
  /** The value after unquoting (and, for versions, canonicalisation as x/mod does with no fixer). */
  value: string;
  range: Range;
}

/** A syntax or rule error, positioned like the go command reports it. */
export interface ParseError {
  /** 1-based line number as the go command prints it. */
  line: number;
  /** The message without the "file:line:" prefix, worded as x/mod words it (e.g. `usage: require module/path v1.2.3`). */
  message: string;
  range: Range;
  /**
   * 1-based column in runes of the position go reports. The go command prints it (`go.mod:3:5: …`) only when it
   * is greater than 1, which happens for lexical errors and for indented lines.
   */
  column?: number;
}

export interface ModuleStmt { path: Token; deprecated?: string; range: Range }
export interface GoStmt { version: Token; range: Range }
export interface ToolchainStmt { name: Token; range: Range }
export interface GodebugStmt { key: string; value: string; token: Token; range: Range }
export interface RequireStmt { path: Token; version: Token; indirect: boolean; range: Range }
export interface ExcludeStmt { path: Token; version: Token; range: Range }
export interface ModuleVersionRef { path: Token; version?: Token }
export interface ReplaceStmt {
  old: ModuleVersionRef;
  new: ModuleVersionRef;
  /** True when the target is a local directory (x/mod IsDirectoryPath). */
  isDirectory: boolean;
  range: Range;
}
export interface RetractStmt { low: Token; high: Token; rationale: string; range: Range }
export interface ToolStmt { path: Token; range: Range }
export interface IgnoreStmt { path: Token; range: Range }
export interface UseStmt { path: Token; range: Range }

export interface ModFile {
  kind: 'go.mod';
  module?: ModuleStmt;
  go?: GoStmt;
  toolchain?: ToolchainStmt;
  godebug: GodebugStmt[];
  require: RequireStmt[];
  exclude: ExcludeStmt[];
  replace: ReplaceStmt[];
  retract: RetractStmt[];
  tool: ToolStmt[];
  ignore: IgnoreStmt[];
  /** Empty when the go command would accept the file. */
  errors: ParseError[];
}

export interface WorkFile {
  kind: 'go.work';
  go?: GoStmt;
  toolchain?: ToolchainStmt;
  godebug: GodebugStmt[];
  use: UseStmt[];
  replace: ReplaceStmt[];
  errors: ParseError[];
}

export interface SumLine {
  module: Token;
  /** The version without the `/go.mod` suffix. */
  version: Token;
  /** True for `<version>/go.mod` lines. */
  goMod: boolean;
  hash: Token;
  range: Range;
  /** True when the go command drops this line on read (the known-bad hash of an empty go.mod). */
  ignored?: boolean;
}

export interface SumFile {
  kind: 'go.sum';
  lines: SumLine[];
  errors: ParseError[];
}
