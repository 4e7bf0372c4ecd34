// go.mod / go.work / go.sum parsing with exact ranges, and the module path and version rules behind it.
export * from './types';
export { parseGoMod } from './gomod';
export { parseGoWork } from './gowork';
export { parseGoSum, emptyGoModHash } from './gosum';
export { toEditJson, workToEditJson, formatEditJson } from './editjson';
export { formatGoError } from './errors';
export { isDirectoryPath } from './replace';
export {
  checkPath, checkImportPath, checkFilePath, checkPathMajor, splitPathVersion, escapePath, unescapePath, escapeVersion,
  unescapeVersion,
} from './module';
export {
  isValidSemver, canonicalVersion, semverCanonical, compareSemver, semverMajor, semverPrerelease, semverBuild,
  isPseudoVersion, pseudoVersionBase, isPrerelease,
} from './semver';
export {
  isValidGoVersion, isValidToolchainName, isGoVersion, compareGoVersions, goLanguageVersion, goVersionOfToolchain,
} from './gover';
