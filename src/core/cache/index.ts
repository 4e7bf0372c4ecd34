// The module cache and build cache doctor: inspection (cache.* findings), clean with a plan and confirmation,
// prune of unreferenced versions, clearing one version.
export { cacheTargets, readCacheEnv, hasModcacheRW, type CacheEnv, type CacheKind, type CacheTarget } from './locations';
export { inspectCaches, formatBytes, GiB, MiB, type InspectOptions, type CacheInspection, type CacheTargetReport, type ModcacheSummary } from './inspect';
export { measureSize, walkTree, diskBytes, type WalkOptions, type WalkProgress, type WalkResult } from './walk';
export { diskSpace, fileSystemType, isNetworkFs, parseMountInfo, mountFor, probeWritable } from './fsinfo';
export { readModcacheLayout, parseDownloadName, versionKey, type CachedVersion, type ModcacheLayout } from './layout';
export { heldLockFiles, parseProcLocks, devString, processInfo, type LockHolder, type ProcessInfo } from './locks';
export { removeTrees, type RemoveResult, type RemoveProgress, type RemoveFailure } from './remove';
export { planClean, clean, type CleanKind, type CleanPlan, type CleanOptions, type CleanResult, type CleanProgress } from './clean';
export {
  collectReferences,
  planPrune,
  prune,
  planClearVersion,
  clearVersion,
  type PrunePlan,
  type PruneItem,
  type PruneOptions,
  type PruneResult,
  type References,
} from './prune';
