// The one module that changes the Go environment. It reads every layer first, computes the effective result of
// the change, refuses a write that a higher layer would shadow (offering the layer that works), writes the env
// file only through `go env -w` / `go env -u` and the editor layer only through an EditorSettingsTarget,
// verifies the result, and journals the previous state so that undo restores it exactly.
// The parts live in write/: plan, apply, undo, the layers they read and write, and env-file text edits.
export type { WriteContext, PlannedChange, WritePlan, WriteStatus, WriteResult, UndoResult } from './write/types';
export { applyToEnvFileText, validateEnvFileChange } from './write/envFileText';
export { shellLines, planEnvWrite, planFromSnapshot, describePlan } from './write/plan';
export { applyEnvWrite } from './write/apply';
export { undoLastWrite } from './write/undo';
