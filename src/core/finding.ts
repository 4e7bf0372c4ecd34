// The Finding contract (DESIGN.md §3): every problem anywhere in the engine is one of these.

/** 0-based line and UTF-16 character offset, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface FixRef {
  id: string;
  title: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  file?: string;
  range?: Range;
  module?: string;
  version?: string;
  host?: string;
  variable?: string;
  evidence?: Record<string, unknown>;
  fixes?: FixRef[];
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
