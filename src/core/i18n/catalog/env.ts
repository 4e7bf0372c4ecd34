import type { Entry } from './entry';

// Messages of the Go environment engine (goenv) and its CLI commands (env, fix, undo).
export const envMessages = {
  // ---- findings ----
  'env.shadowed-envfile': {
    en: '{name} is set to {value} with `go env -w`, but the {winnerLayer} value {winner} wins, so the `go env -w` setting has no effect.',
    zh: '{name} 已用 `go env -w` 设为 {value}，但 {winnerLayer} 层的值 {winner} 优先，所以 `go env -w` 的设置不起作用。',
  },
  'env.shadowed-envfile-os-hint': {
    en: ' For it to apply, remove {name} from the OS environment (e.g. `unset {name}` in your shell profile), or set it in the editor settings for VS Code.',
    zh: ' 如要让它生效，请从操作系统环境中移除 {name}（例如在 shell 配置文件中 `unset {name}`），或在编辑器设置中为 VS Code 设置它。',
  },
  'env.shadowed-by-editor': {
    en: 'The editor injects {name}={winner} into the tools it runs, replacing {value} from the OS environment; the integrated terminal and other shells still use {value}.',
    zh: '编辑器为它启动的工具注入 {name}={winner}，替换了操作系统环境中的 {value}；集成终端和其他 shell 仍使用 {value}。',
  },
  'env.goproxy-off': {
    en: 'GOPROXY=off: the go command downloads no modules at all (only paths matching GONOPROXY/GOPRIVATE are fetched directly).',
    zh: 'GOPROXY=off：go 命令不会下载任何模块（只有匹配 GONOPROXY/GOPRIVATE 的路径会直接获取）。',
  },
  'env.goproxy-empty': {
    en: 'GOPROXY is empty: every download fails with "GOPROXY list is not the empty string, but contains no entries".',
    zh: 'GOPROXY 为空：每次下载都会失败，报错 "GOPROXY list is not the empty string, but contains no entries"。',
  },
  'env.goproxy-empty-masked': {
    en: 'GOPROXY is empty because the go env file sets `GOPROXY=` (which hides {rootValue} from $GOROOT/go.env): every download fails with "GOPROXY list is not the empty string, but contains no entries".',
    zh: 'GOPROXY 为空，因为 go env 文件中有 `GOPROXY=`（它遮住了 $GOROOT/go.env 中的 {rootValue}）：每次下载都会失败，报错 "GOPROXY list is not the empty string, but contains no entries"。',
  },
  'env.goproxy-direct-only': {
    en: 'GOPROXY=direct: every module is fetched from its version-control host (git) without a module mirror; this is slow, needs git and credentials, and is often blocked.',
    zh: 'GOPROXY=direct：每个模块都直接从版本控制主机（git）获取，不经过模块镜像；速度慢、需要 git 和凭据，而且经常被屏蔽。',
  },
  'env.goproxy-invalid': {
    en: 'The go command rejects the GOPROXY entry {entry} ({error}), so every download fails.',
    zh: 'go 命令拒绝 GOPROXY 条目 {entry}（{error}），因此每次下载都会失败。',
  },
  'env.goproxy-ignored': {
    en: 'GOPROXY entries after "{stop}" are ignored: {entries}.',
    zh: 'GOPROXY 中 "{stop}" 之后的条目会被忽略：{entries}。',
  },
  'env.gosumdb-off': {
    en: 'GOSUMDB=off: downloaded modules are not checked against the checksum database, and Go toolchain downloads fail.',
    zh: 'GOSUMDB=off：下载的模块不会经过校验和数据库核验，而且 Go 工具链下载会失败。',
  },
  'env.gosumdb-invalid': {
    en: 'GOSUMDB={value} is not usable ({error}): modules missing from go.sum cannot be verified and their downloads fail.',
    zh: 'GOSUMDB={value} 不可用（{error}）：go.sum 中缺少的模块无法校验，下载会失败。',
  },
  'env.proxy-pipe-leak': {
    en: 'GOPROXY falls back from {private} to the public mirror {public} on any error ("|"): whenever {private} fails (login, timeout, 5xx), private module paths are sent to {public}.',
    zh: 'GOPROXY 在任何错误时（"|"）都会从 {private} 回退到公共镜像 {public}：只要 {private} 出错（登录、超时、5xx），私有模块路径就会被发送给 {public}。',
  },
  'env.proxy-comma-stop': {
    en: 'GOPROXY tries {next} only when {first} answers 404/410; if {first} is unreachable (DNS, timeout, refused), downloads stop there. Use "|" to fall through on any error.',
    zh: 'GOPROXY 只有在 {first} 返回 404/410 时才会尝试 {next}；如果 {first} 无法访问（DNS、超时、连接被拒），下载就此停止。使用 "|" 可在任何错误时继续尝试。',
  },
  'env.proxy-comma-stop-down': {
    en: '{first} is unreachable and is followed by ",": the go command stops there and never tries {next}. Use "|" after it to fall through on network errors.',
    zh: '{first} 无法访问，且其后是 ","：go 命令会在此停止，不会尝试 {next}。请在它后面使用 "|"，以便网络错误时继续尝试。',
  },
  'env.sumdb-needs-network': {
    en: 'GOPROXY={goproxy} allows no network access, but GOSUMDB={gosumdb} is on: modules missing from go.sum are still verified over the network at {url}.',
    zh: 'GOPROXY={goproxy} 不允许访问网络，但 GOSUMDB={gosumdb} 仍开启：go.sum 中缺少的模块仍会通过网络在 {url} 校验。',
  },
  'env.goprivate-via-public-proxy': {
    en: 'GOPRIVATE={goprivate} but GONOPROXY={gonoproxy} does not cover it, and every GOPROXY entry is a public mirror: private modules are requested from {public}, which cannot serve them and learns their paths.',
    zh: 'GOPRIVATE={goprivate}，但 GONOPROXY={gonoproxy} 没有覆盖它，且所有 GOPROXY 条目都是公共镜像：私有模块会向 {public} 请求，它无法提供这些模块，还会得知其路径。',
  },
  'env.pattern-too-broad': {
    en: '{name} pattern {pattern} matches public modules such as {example}: {effect}.',
    zh: '{name} 的模式 {pattern} 会匹配 {example} 等公共模块：{effect}。',
  },
  'env.pattern-effect.GOPRIVATE': {
    en: 'they bypass the module mirror and the checksum database',
    zh: '它们会绕过模块镜像和校验和数据库',
  },
  'env.pattern-effect.GONOPROXY': {
    en: 'they are fetched directly from version control instead of the mirror',
    zh: '它们会直接从版本控制获取，而不经过镜像',
  },
  'env.pattern-effect.GONOSUMDB': {
    en: 'they are not verified by the checksum database',
    zh: '它们不会经过校验和数据库核验',
  },
  'env.pattern-effect.GOINSECURE': {
    en: 'direct fetches may use plain HTTP and skip certificate checks',
    zh: '直接获取时可能使用明文 HTTP 并跳过证书校验',
  },
  'env.pattern-space': {
    en: '{name} pattern "{pattern}" has surrounding spaces; the go command does not trim them, so it never matches.',
    zh: '{name} 的模式 "{pattern}" 前后有空格；go 命令不会去掉空格，所以它永远不会匹配。',
  },
  'env.unknown-variable': {
    en: '{name} in {where} is not a Go variable and has no effect.',
    zh: '{where}中的 {name} 不是 Go 变量，不起任何作用。',
  },
  'env.unknown-variable-suggest': {
    en: '{name} in {where} is not a Go variable and has no effect; did you mean {suggestion}?',
    zh: '{where}中的 {name} 不是 Go 变量，不起任何作用；是否想用 {suggestion}？',
  },
  'env.where.envfile': { en: 'the go env file', zh: 'go env 文件' },
  'env.where.process': { en: 'the environment', zh: '环境变量' },
  'env.where.editor': { en: 'the editor settings', zh: '编辑器设置' },
  'env.file-unreadable': {
    en: 'The go env file {file} cannot be read ({reason}). The go command ignores it, so nothing set with go env -w applies, and go env -w fails until the path is fixed or GOENV points elsewhere.',
    zh: '无法读取 go env 文件 {file}（{reason}）。go 命令会忽略它，因此用 go env -w 设置的值都不生效；在修复该路径或让 GOENV 指向别处之前，go env -w 也会失败。',
  },
  'env.file-unreadable-blocks': {
    en: 'The go env file {file} is a named pipe or a socket, not a regular file: every go command waits forever reading it. Remove it or point GOENV at a regular file.',
    zh: 'go env 文件 {file} 是命名管道或套接字，而不是普通文件：每个 go 命令读取它时都会一直等待。请删除它，或让 GOENV 指向一个普通文件。',
  },
  'env.envfile-ignored-lines': {
    en: 'The go command ignores these lines of the go env file {file}: {lines}. It reads only NAME=value lines that start with a capital letter at the very beginning of the line.',
    zh: 'go 命令会忽略 go env 文件 {file} 中的这些行：{lines}。它只读取以大写字母开头（行首无空格）的 NAME=value 行。',
  },
  'env.envfile-crlf': {
    en: '{name} in the go env file ends with a carriage return (Windows line endings): the go command keeps it as part of the value. Save the file with LF line endings.',
    zh: 'go env 文件中的 {name} 以回车符结尾（Windows 换行符）：go 命令会把它当作值的一部分。请用 LF 换行符保存该文件。',
  },
  'env.envfile-os-only': {
    en: '{name} in the go env file has no effect: the go command reads it only from the OS environment.',
    zh: 'go env 文件中的 {name} 不起作用：go 命令只从操作系统环境读取它。',
  },
  'env.envfile-empty-masks': {
    en: 'The go env file sets {name} to an empty value, which hides {rootValue} from $GOROOT/go.env; {name} is now {effective}.',
    zh: 'go env 文件把 {name} 设为空值，遮住了 $GOROOT/go.env 中的 {rootValue}；{name} 现在是 {effective}。',
  },
  'env.goflags-insecure': {
    en: 'GOFLAGS contains -insecure: every `go get` fails ("-insecure flag is no longer supported"). Use GOINSECURE for the hosts that need it.',
    zh: 'GOFLAGS 包含 -insecure：每次 `go get` 都会失败（"-insecure flag is no longer supported"）。请改用 GOINSECURE 指定需要的主机。',
  },
  'env.goflags-mod-vendor': {
    en: 'GOFLAGS contains {flag}: builds use vendor/ and module downloads are disabled ("module lookup disabled by -mod=vendor").',
    zh: 'GOFLAGS 包含 {flag}：构建使用 vendor/ 目录，模块下载被禁用（"module lookup disabled by -mod=vendor"）。',
  },
  'env.goflags-invalid': {
    en: 'GOFLAGS entry {entry} is not a flag: go commands fail with "parsing $GOFLAGS".',
    zh: 'GOFLAGS 条目 {entry} 不是一个标志：go 命令会失败，报错 "parsing $GOFLAGS"。',
  },
  'env.http-proxy-without-https': {
    en: '{http} is set but {https} is not: the go command uses {https} for https:// URLs, so module downloads do not go through {value}.',
    zh: '设置了 {http} 但没有设置 {https}：go 命令对 https:// 地址使用 {https}，所以模块下载不会经过 {value}。',
  },
  'env.proxy-case-conflict': {
    en: '{upper}={a} and {lower}={b} differ: the go command uses {upper}, while git (for direct fetches) may use {lower}.',
    zh: '{upper}={a} 与 {lower}={b} 不一致：go 命令使用 {upper}，而 git（直接获取时）可能使用 {lower}。',
  },
  'env.go111module-off': {
    en: 'GO111MODULE=off: module mode is disabled and go.mod files are ignored.',
    zh: 'GO111MODULE=off：模块模式被禁用，go.mod 文件被忽略。',
  },
  'env.go111module-invalid': {
    en: 'GO111MODULE={value} is invalid: go commands fail with "unknown environment setting GO111MODULE".',
    zh: 'GO111MODULE={value} 无效：go 命令会失败，报错 "unknown environment setting GO111MODULE"。',
  },
  'env.git-terminal-prompt': {
    en: 'GIT_TERMINAL_PROMPT={value}: git may ask for credentials on a terminal nobody sees, so direct fetches appear to hang.',
    zh: 'GIT_TERMINAL_PROMPT={value}：git 可能在无人看到的终端上询问凭据，导致直接获取看起来像卡住了。',
  },
  'env.path-relative': {
    en: '{name}={value} is a relative path: {effect}.',
    zh: '{name}={value} 是相对路径：{effect}。',
  },
  'env.path-effect.GOCACHE': { en: 'the build cache is disabled (GOCACHE=off)', zh: '构建缓存被禁用（GOCACHE=off）' },
  'env.path-effect.GOMODCACHE': { en: 'go commands that use the module cache fail', zh: '使用模块缓存的 go 命令会失败' },
  'env.path-effect.GOPATH': { en: 'go commands that use GOPATH fail', zh: '使用 GOPATH 的 go 命令会失败' },
  'env.path-effect.GOWORK': { en: 'every go command fails ("invalid GOWORK: not an absolute path")', zh: '每个 go 命令都会失败（"invalid GOWORK: not an absolute path"）' },

  // ---- fix titles ----
  'env.fix.set': { en: 'Set {name}={value} ({layer})', zh: '设置 {name}={value}（{layer}）' },
  'env.fix.unset': { en: 'Remove {name} ({layer})', zh: '移除 {name}（{layer}）' },
  'env.fix.layer.envfile': { en: 'go env -w', zh: 'go env -w 文件' },
  'env.fix.layer.editor': { en: 'editor settings', zh: '编辑器设置' },

  // ---- notes in the env table ----
  'env.note.empty-is-unset': { en: 'an empty value counts as unset', zh: '空值视为未设置' },
  'env.note.empty-envfile-masks-goroot': { en: '`KEY=` in the env file hides $GOROOT/go.env', zh: 'env 文件中的 `KEY=` 遮住了 $GOROOT/go.env' },
  'env.note.inherits-goprivate': { en: 'inherited from GOPRIVATE', zh: '继承自 GOPRIVATE' },
  'env.note.os-only': { en: 'read only from the OS environment', zh: '只从操作系统环境读取' },
  'env.note.set-by-go-for-git': { en: 'go sets 0 for git when unset', zh: '未设置时 go 会为 git 设为 0' },
  'env.note.gocache-relative': { en: 'relative GOCACHE turns the cache off', zh: '相对路径的 GOCACHE 会关闭缓存' },
  'env.note.gowork-relative': { en: 'relative GOWORK: go commands fail', zh: '相对路径的 GOWORK：go 命令会失败' },
  'env.note.no-envfile': { en: 'no go env file is read', zh: '不读取 go env 文件' },
  'env.note.goroot-split': { en: 'go.env is read from the env file\'s GOROOT', zh: 'go.env 从 env 文件中的 GOROOT 读取' },

  // ---- write planning and results ----
  'env.write.effective': { en: '{name}: {before} → {after} ({layer})', zh: '{name}：{before} → {after}（{layer}）' },
  'env.write.unset-value': { en: '(unset)', zh: '（未设置）' },
  'env.write.shadowed': {
    en: '{name}: writing {layer} would not take effect: the {winnerLayer} value {winner} wins.',
    zh: '{name}：写入 {layer} 不会生效：{winnerLayer} 层的值 {winner} 优先。',
  },
  'env.write.alt-editor': {
    en: 'Write it to the editor settings instead (VS Code\'s tools and terminal): --layer editor',
    zh: '改为写入编辑器设置（VS Code 的工具和终端）：--layer editor',
  },
  'env.write.alt-shell': {
    en: 'Or change the OS environment where {name} is set (shell profile, system settings), e.g.:',
    zh: '或者在设置 {name} 的地方（shell 配置文件、系统设置）修改操作系统环境，例如：',
  },
  'env.write.refused': {
    en: 'Nothing was written. Use --force to write anyway.',
    zh: '未写入任何内容。如仍要写入，请使用 --force。',
  },
  'env.write.done': { en: 'Written and journaled; `gomod-doctor undo` restores the previous state.', zh: '已写入并记录日志；`gomod-doctor undo` 可恢复之前的状态。' },
  'env.write.nothing': { en: 'Nothing to change: {name} already has that value.', zh: '无需修改：{name} 已经是该值。' },
  'env.write.failed': { en: 'The write failed and nothing was changed: {reason}', zh: '写入失败，未做任何修改：{reason}' },
  'env.write.read-only-var': { en: '{name} cannot be modified', zh: '{name} 不能被修改' },
  'env.write.os-only-var': { en: '{name} can only be set in the OS environment (or the editor settings), not with go env -w', zh: '{name} 只能在操作系统环境（或编辑器设置）中设置，不能用 go env -w' },
  'env.write.unknown-var': { en: 'unknown go command variable {name}', zh: '未知的 go 命令变量 {name}' },
  'env.write.bad-value': { en: 'invalid value for {name}: {reason}', zh: '{name} 的值无效：{reason}' },
  'env.write.no-envfile': { en: 'there is no go env file to write ({reason})', zh: '没有可写入的 go env 文件（{reason}）' },
  'env.write.envfile-not-text': { en: 'the go env file {file} is not a text file; it was left untouched', zh: 'go env 文件 {file} 不是文本文件，未做改动' },
  'env.write.envfile-unreadable': { en: 'cannot read the go env file {file}: {reason}', zh: '无法读取 go env 文件 {file}：{reason}' },
  'env.write.masked-credential': { en: 'the new value of {name} has a masked credential (***) that is not in its current value; write it with the real credential yourself', zh: '{name} 的新值含有被遮盖的凭据（***），而当前值中没有对应的凭据；请自行填入真实凭据后再写入' },
  'env.write.no-editor': { en: 'no editor settings target is available (pass --settings FILE)', zh: '没有可用的编辑器设置目标（请传入 --settings FILE）' },
  'env.write.editor-unparsable': { en: 'the settings file {file} cannot be parsed: {reason}', zh: '无法解析设置文件 {file}：{reason}' },
  'env.write.verify-failed': { en: 'after writing, {name} reads {actual} instead of {expected}; the change was rolled back', zh: '写入后 {name} 的值为 {actual} 而不是 {expected}；已回滚该修改' },
  'env.write.lock-timeout': { en: 'another gomod-doctor is changing the environment (lock {file}); try again', zh: '另一个 gomod-doctor 正在修改环境（锁文件 {file}）；请稍后重试' },
  'env.undo.empty': { en: 'Nothing to undo: the journal is empty.', zh: '没有可撤销的内容：日志为空。' },
  'env.undo.conflict': {
    en: '{name} ({layer}) was changed since gomod-doctor wrote it (now {actual}, expected {expected}); nothing was undone. Use --force to restore anyway.',
    zh: '{name}（{layer}）在 gomod-doctor 写入后又被修改（现在是 {actual}，应为 {expected}）；未撤销任何内容。如仍要恢复，请使用 --force。',
  },
  'env.undo.done': { en: 'Restored: {changes}', zh: '已恢复：{changes}' },

  // ---- CLI ----
  'env.cli.header': { en: 'VARIABLE|VALUE|LAYER|SHADOWED|NOTES', zh: '变量|值|层|被遮蔽的值|说明' },
  'env.cli.usage-env': {
    en: 'usage: gomod-doctor env [--json] [--go PATH] [--settings FILE] [--route MODULE]',
    zh: '用法：gomod-doctor env [--json] [--go 路径] [--settings 文件] [--route 模块]',
  },
  'env.cli.usage-undo': {
    en: 'usage: gomod-doctor undo [--state-dir DIR] [--settings FILE] [--force] [--go PATH] [--json]',
    zh: '用法：gomod-doctor undo [--state-dir 目录] [--settings 文件] [--force] [--go 路径] [--json]',
  },
  'env.cli.fix-summary': { en: '{fix}: {status}', zh: '{fix}：{status}' },
  'env.cli.status.written': { en: 'written', zh: '已写入' },
  'env.cli.status.noop': { en: 'nothing to change', zh: '无需修改' },
  'env.cli.status.refused': { en: 'refused', zh: '已拒绝' },
  'env.cli.status.failed': { en: 'failed', zh: '失败' },
  'env.cli.none': { en: '(none)', zh: '（无）' },
  'env.cli.go': { en: 'go: {path} ({version})', zh: 'go：{path}（{version}）' },
  'env.cli.envfile': { en: 'go env file: {file}', zh: 'go env 文件：{file}' },
  'env.cli.no-go': { en: 'go was not found ({detail}); showing what can be read without it.', zh: '未找到 go（{detail}）；仅显示无需 go 即可读取的内容。' },
  'env.cli.findings': { en: '{count} finding(s):', zh: '{count} 个问题：' },
  'env.cli.route': { en: 'Route for {module}:', zh: '{module} 的获取路径：' },
  'env.cli.route-source': { en: '{n}. {source}{fallback}', zh: '第 {n} 个：{source}{fallback}' },
  'env.cli.route-fallback-not-found': { en: ' — next only after 404/410', zh: ' —— 仅在 404/410 后尝试下一个' },
  'env.cli.route-fallback-any': { en: ' — next after any error', zh: ' —— 任何错误后都尝试下一个' },
  'env.cli.route-error': { en: 'every lookup fails: {error}', zh: '所有查找都会失败：{error}' },
  'env.cli.route-sumdb-off': { en: 'checksum database: not consulted ({reason})', zh: '校验和数据库：不查询（{reason}）' },
  'env.cli.route-sumdb': { en: 'checksum database {name}: {where}', zh: '校验和数据库 {name}：{where}' },
  'env.cli.usage-fix': {
    en: 'usage: gomod-doctor fix <fix-id>... [--layer envfile|editor] [--settings FILE] [--state-dir DIR] [--dry-run] [--force] [--go PATH]',
    zh: '用法：gomod-doctor fix <修复ID>... [--layer envfile|editor] [--settings 文件] [--state-dir 目录] [--dry-run] [--force] [--go 路径]',
  },
  'env.cli.bad-fix-id': { en: 'not an env fix id: {id} (expected e.g. env:set:GOPROXY=https://proxy.golang.org,direct)', zh: '不是环境修复 ID：{id}（例如 env:set:GOPROXY=https://proxy.golang.org,direct）' },
  'env.cli.bad-layer': { en: 'unknown layer {layer} (use envfile or editor)', zh: '未知的层 {layer}（请使用 envfile 或 editor）' },
  'env.cli.dry-run': { en: 'Dry run: nothing was written.', zh: '演练模式：未写入任何内容。' },
  'env.cli.plan': { en: 'Planned changes:', zh: '计划的修改：' },
} satisfies Record<string, Entry>;
