// The package version, read from package.json at build time by esbuild (and by tsc through resolveJsonModule).
import pkg from '../../package.json';

export const VERSION: string = pkg.version;
