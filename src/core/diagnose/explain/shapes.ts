// The shapes of the go command's module errors (go-modules-reference.md §7), most specific first. Each shape is a
// regular expression over one error record and a builder that names the code, the module/host, the cause and
// the fix. A builder may return undefined to let a later shape try the same record.
// The shapes live in shapes/, one file a family; SHAPES joins them in the order below, which matters.
import { CHECKSUM_SHAPES } from './shapes/checksums';
import { CACHE_SHAPES, ENV_SETTING_SHAPES, GO_ENV_SHAPES } from './shapes/envCache';
import { NETWORK_SHAPES } from './shapes/network';
import { GOMOD_FILE_SHAPES, PATH_QUERY_SHAPES } from './shapes/paths';
import { PROXY_SHAPES } from './shapes/proxy';
import { TOOLCHAIN_DOWNLOAD_SHAPES, TOOLCHAIN_SHAPES } from './shapes/toolchain';
import type { Shape } from './shapes/types';
import { VCS_SHAPES } from './shapes/vcs';

export type { Draft, ShapeContext, Shape } from './shapes/types';
export { netKind, type NetKind } from './shapes/network';
export { privatePattern } from './shapes/common';

export const SHAPES: Shape[] = [
  ...CHECKSUM_SHAPES, // checksums and go.sum (§7.5)
  ...ENV_SETTING_SHAPES, // go env, GOPROXY, GOSUMDB (§7.2, §7.5, §7.6)
  ...TOOLCHAIN_SHAPES, // toolchain (§7.7)
  ...PROXY_SHAPES, // proxy answers (§7.2)
  ...VCS_SHAPES, // direct VCS fetches (§7.3)
  ...NETWORK_SHAPES, // network and transport (§7.1)
  ...PATH_QUERY_SHAPES, // paths, go.mod and queries (§7.4)
  ...CACHE_SHAPES, // module cache and build cache (§6, §7.6)
  ...GO_ENV_SHAPES, // go env (§7.6)
  ...TOOLCHAIN_DOWNLOAD_SHAPES, // any other toolchain download failure
  ...GOMOD_FILE_SHAPES, // go.mod itself
];

export { urlsIn, hostName } from './urls';
