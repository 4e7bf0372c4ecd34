// The types of the explain shapes: a Shape (id, regular expression, builder), its ShapeContext and the Draft it builds.
import type { Severity } from '../../../finding';
import type { MessageKey } from '../../../i18n';
import type { UrlFacts } from '../urls';

export interface Draft {
  code: string;
  severity?: Severity;
  message: MessageKey;
  fix: MessageKey;
  /** Placeholders of message and fix (module, host, version, …). */
  args?: Record<string, string>;
  /** Stable id of the suggested fix; `advice:<code>` when it is advice only. */
  fixId?: string;
  module?: string;
  version?: string;
  host?: string;
  variable?: string;
  file?: string;
  /** 1-based line in `file`, as the go command prints it. */
  line?: number;
  evidence?: Record<string, unknown>;
  /** What makes two findings of the same code different causes (e.g. the package); default: module/host/file. */
  key?: string;
}

export interface ShapeContext {
  text: string;
  /** The first URL the record names, classified. */
  url?: UrlFacts;
  /** The module (and version) the record is about, from its `<path>@<version>:` or `module <path>:` prefix. */
  module?: string;
  version?: string;
  /** The record is about downloading a Go toolchain (GOTOOLCHAIN switching). */
  toolchain?: string;
}

export interface Shape {
  /** Stable name of the shape (tests and docs refer to it). */
  id: string;
  re: RegExp;
  build(m: RegExpExecArray, ctx: ShapeContext): Draft | undefined;
}
