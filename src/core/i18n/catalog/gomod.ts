import type { Entry } from './entry';

// Messages of the local go.mod / go.work / go.sum rules. `{detail}` is the go command's own (English) wording.
export const gomodMessages = {
  'gomod.syntax': {
    en: '{file} cannot be parsed: {detail}',
    zh: '{file} 无法解析：{detail}',
  },
  'gomod.version-invalid': {
    en: 'Invalid version: {detail}.',
    zh: '版本无效：{detail}。',
  },
  'gomod.version-not-semver': {
    en: '"{version}" is not a semantic version: go.mod needs one such as v1.2.3. Run go get {module}@{version} to turn a branch, tag or commit into the version go.mod needs.',
    zh: '"{version}" 不是语义化版本：go.mod 需要 v1.2.3 这样的版本。运行 go get {module}@{version} 可以把分支、标签或提交转换成 go.mod 需要的版本。',
  },
  'gomod.major-mismatch': {
    en: 'The version does not match the major version of the module path: {detail}.',
    zh: '版本与模块路径的主版本不一致：{detail}。',
  },
  'gomod.version-noncanonical': {
    en: 'Version {raw} is not canonical; the go command reads it as {canonical} and will rewrite it.',
    zh: '版本 {raw} 不是规范形式；go 命令会将其视为 {canonical} 并改写。',
  },
  'gomod.path-invalid': {
    en: 'Invalid module path: {detail}.',
    zh: '模块路径无效：{detail}。',
  },
  'gomod.duplicate-require': {
    en: '{module} is required more than once (also on line {line}); the go command keeps only one requirement per module.',
    zh: '{module} 被多次 require（另见第 {line} 行）；go 命令对每个模块只保留一条要求。',
  },
  'gomod.replace-dir-missing': {
    en: 'The replacement directory {dir} does not exist.',
    zh: '替换目标目录 {dir} 不存在。',
  },
  'gomod.replace-dir-no-gomod': {
    en: 'The replacement directory {dir} has no go.mod file.',
    zh: '替换目标目录 {dir} 中没有 go.mod 文件。',
  },
  'gomod.replace-dir-module-mismatch': {
    en: 'The go.mod in {dir} declares module {declared}, but it replaces {module}.',
    zh: '{dir} 中的 go.mod 声明的模块是 {declared}，但它被用来替换 {module}。',
  },
  'gomod.go-too-new': {
    en: 'This file needs Go {need}, but the local toolchain is Go {have}: the go command will download go{need} (GOTOOLCHAIN=auto) or refuse to build.',
    zh: '此文件需要 Go {need}，但本地工具链是 Go {have}：go 命令会下载 go{need}（GOTOOLCHAIN=auto），否则拒绝构建。',
  },
  'gomod.toolchain-too-new': {
    en: 'The toolchain line asks for {need}, newer than the local Go {have}: the go command will try to download it, which needs the module proxy and the checksum database.',
    zh: 'toolchain 行要求 {need}，比本地 Go {have} 更新：go 命令会尝试下载它，这需要模块代理和校验和数据库。',
  },
  'gowork.use-missing': {
    en: 'The workspace module directory {dir} does not exist.',
    zh: '工作区模块目录 {dir} 不存在。',
  },
  'gowork.use-no-gomod': {
    en: 'The workspace module directory {dir} has no go.mod file.',
    zh: '工作区模块目录 {dir} 中没有 go.mod 文件。',
  },
  'gosum.hash-invalid': {
    en: 'The checksum for {module} {version} is not a valid h1: hash (h1: followed by 44 base64 characters).',
    zh: '{module} {version} 的校验和不是有效的 h1: 哈希（h1: 后跟 44 个 base64 字符）。',
  },
} satisfies Record<string, Entry>;
