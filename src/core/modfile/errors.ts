// The go command's rendering of a parse error: `go.mod:3: msg`, or `go.mod:3:5: msg` when the column is not 1.
import type { ParseError } from './types';

export function formatGoError(fileName: string, err: ParseError): string {
  const column = err.column ?? 1;
  return column > 1 ? `${fileName}:${err.line}:${column}: ${err.message}` : `${fileName}:${err.line}: ${err.message}`;
}
