// The types of an env write: its context, the plan (one PlannedChange a variable), and the results of a write and of undo.
import type { EditorSettingsTarget } from '../editor';
import type { WriteLayer } from '../fixid';
import type { JournalEntry } from '../journal';
import type { LayerValue, ResolvedVar } from '../resolve';

export interface WriteContext {
  /** The go binary (path or name on PATH). */
  goPath?: string;
  /** The user's OS environment (the process layer); process.env when absent. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  platform?: NodeJS.Platform;
  /** Directory for the journal and its lock. */
  stateDir: string;
  /** The editor layer, when there is one (the extension's VS Code settings, or a settings.json). */
  editor?: EditorSettingsTarget;
  /** Finds the editor target named in a journal entry (for undo); defaults to a settings.json at that path. */
  editorFor?: (description: string) => EditorSettingsTarget | undefined;
  timeoutMs?: number;
  lockTimeoutMs?: number;
}

export interface PlannedChange {
  name: string;
  /** The new value; undefined removes it from the layer. */
  value: string | undefined;
  layer: WriteLayer;
  /** The value in that layer now; undefined when absent. */
  previous: string | undefined;
  before: ResolvedVar;
  after: ResolvedVar;
  /** The layer already holds this value. */
  noop: boolean;
  /** The effective value after the write is the written one (or, for a removal, no longer comes from this layer). */
  takesEffect: boolean;
  /** The higher layer that wins over the written value. */
  shadowedBy?: LayerValue;
  /** Why this change cannot be written at all (read-only variable, bad value, no env file…). */
  problem?: string;
  /** Shell lines that change the OS environment instead (when the OS environment shadows the write). */
  shellLines?: string[];
  /** The editor layer would work (VS Code's tools see it) and a target is available. */
  editorWorks?: boolean;
}

export interface WritePlan {
  layer: WriteLayer;
  fixId: string;
  changes: PlannedChange[];
  /** Where the change goes: the env file path or the editor target's description. */
  target?: string;
  /** Problems that stop the whole write. */
  problems: string[];
  allTakeEffect: boolean;
  noop: boolean;
}

export type WriteStatus = 'written' | 'noop' | 'refused' | 'failed';

export interface WriteResult {
  status: WriteStatus;
  plan: WritePlan;
  entry?: JournalEntry;
  /** Why it was refused or failed (already localized). */
  reason?: string;
}

export interface UndoResult {
  status: 'restored' | 'empty' | 'conflict' | 'failed';
  entry?: JournalEntry;
  reason?: string;
}
