import type { Entry } from './entry';

// Help texts never contain a word in braces: t() would take it for a placeholder.
// The CLI's usage texts (part 2): the remaining commands, with examples.
export const cliHelpMoreMessages = {
  'cli.help.watch': {
    en: `Usage: gomod-doctor watch [options] -- go <command> [args]

Runs a go command under the watchdog. Its output streams through; a stall is printed the moment it is seen, with
the URL the go command waits on, and that proxy is probed right away; the command is stopped after --timeout-ms.

Options:
  --stall-ms N       quiet time that counts as a stall (default 10000)
  --timeout-ms N     stop the command after this long (default 600000), exit status 124
  --probe-ms N       bound on the probe of a stalled proxy
  --json             one JSON object at the end: exit code, stalls, probes, findings
  --verbose          also show the -x trace the watchdog reads
  --go PATH          the go binary to use

Examples:
  gomod-doctor watch -- go mod download
  gomod-doctor watch --stall-ms 5000 --timeout-ms 120000 -- go build ./...
  gomod-doctor watch --json -- go mod download golang.org/x/text@latest

Exit status: the go command's own, 124 on timeout, 130 when interrupted, 2 on a usage error.`,
    zh: `用法：gomod-doctor watch [选项] -- go <命令> [参数]

在看门狗下运行 go 命令。其输出照常显示；一旦发现卡住，立即打印 go 命令正在等待的 URL，并马上探测该代理；
超过 --timeout-ms 后终止该命令。

选项：
  --stall-ms N       多长时间没有进展算作卡住（默认 10000）
  --timeout-ms N     超过这个时间就终止命令（默认 600000），退出码 124
  --probe-ms N       探测卡住的代理的时间上限
  --json             结束时输出一个 JSON 对象：退出码、卡住记录、探测、问题
  --verbose          同时显示看门狗读取的 -x 跟踪输出
  --go 路径          要使用的 go 可执行文件

示例：
  gomod-doctor watch -- go mod download
  gomod-doctor watch --stall-ms 5000 --timeout-ms 120000 -- go build ./...
  gomod-doctor watch --json -- go mod download golang.org/x/text@latest

退出码：与 go 命令相同，超时为 124，被中断为 130，用法错误为 2。`,
  },
  'cli.help.fix': {
    en: `Usage: gomod-doctor fix <fix-id>... [options]

Applies environment fixes. The ids come from 'gomod-doctor check' and 'gomod-doctor env' (for example
env:set:GOPROXY=https://goproxy.cn,direct). The effective result is shown first; a write that a higher layer (an
OS variable) would shadow is refused unless you choose another layer or --force. Every write is journaled: undo
restores it.

Options:
  --dry-run          show the plan, write nothing
  --layer L          envfile (go env -w) or editor (with --settings)
  --settings FILE    the VS Code settings.json of the editor layer
  --state-dir DIR    where the undo journal lives
  --force            write even when the result would be shadowed
  --json             the plan and the result as JSON
  --go PATH          the go binary to use

Examples:
  gomod-doctor fix 'env:set:GOPROXY=https://goproxy.cn,direct' --dry-run
  gomod-doctor fix 'env:set:GOPROXY=https://goproxy.cn,direct'
  gomod-doctor fix 'env:unset:GOFLAGS'

Exit status: 0 written or nothing to change, 1 refused or failed, 2 usage error.`,
    zh: `用法：gomod-doctor fix <修复ID>... [选项]

应用环境修复。ID 来自 'gomod-doctor check' 和 'gomod-doctor env'（例如 env:set:GOPROXY=https://goproxy.cn,direct）。
会先显示生效后的结果；如果写入会被更高层级（操作系统环境变量）遮蔽，则拒绝写入，除非选择其他层级或使用 --force。
每次写入都会记录日志，可用 undo 恢复。

选项：
  --dry-run          只显示计划，不写入
  --layer 层         envfile（go env -w）或 editor（需配合 --settings）
  --settings 文件    编辑器层所用的 VS Code settings.json
  --state-dir 目录   撤销日志所在目录
  --force            即使结果会被遮蔽也写入
  --json             以 JSON 输出计划和结果
  --go 路径          要使用的 go 可执行文件

示例：
  gomod-doctor fix 'env:set:GOPROXY=https://goproxy.cn,direct' --dry-run
  gomod-doctor fix 'env:set:GOPROXY=https://goproxy.cn,direct'
  gomod-doctor fix 'env:unset:GOFLAGS'

退出码：0 已写入或无需修改，1 被拒绝或失败，2 用法错误。`,
  },
  'cli.help.undo': {
    en: `Usage: gomod-doctor undo [options]

Restores the variables changed by the last 'gomod-doctor fix' (or the editor's quick fix) exactly as they were,
"unset" included. A value changed by someone else since then is left alone unless --force.

Options:
  --state-dir DIR    where the undo journal lives
  --settings FILE    the VS Code settings.json of the editor layer
  --force            restore even when the value was changed since
  --json             the result as JSON
  --go PATH          the go binary to use

Examples:
  gomod-doctor undo
  gomod-doctor undo --json

Exit status: 0 restored, 1 nothing to undo or refused, 2 usage error.`,
    zh: `用法：gomod-doctor undo [选项]

把最近一次 'gomod-doctor fix'（或编辑器快速修复）修改的变量原样恢复，包括“未设置”状态。
如果之后该值被他人修改过，除非使用 --force，否则不会恢复。

选项：
  --state-dir 目录   撤销日志所在目录
  --settings 文件    编辑器层所用的 VS Code settings.json
  --force            即使值在之后被修改过也恢复
  --json             以 JSON 输出结果
  --go 路径          要使用的 go 可执行文件

示例：
  gomod-doctor undo
  gomod-doctor undo --json

退出码：0 已恢复，1 没有可撤销的内容或被拒绝，2 用法错误。`,
  },
  'cli.help.explain': {
    en: `Usage: gomod-doctor explain [--format text|json] < go-error.txt

Reads a go command's error output on stdin and explains each error it recognises: the module, the host, the
cause and the fix. Credentials in the input never reach the output.

Options:
  --format FORMAT    text (default) or json
  --json             same as --format json

Examples:
  go mod download 2> go-error.txt; gomod-doctor explain < go-error.txt
  go build ./... 2>&1 | gomod-doctor explain
  gomod-doctor explain --json < go-error.txt

Exit status: 0 no error recognised, 1 errors recognised, 2 empty input or usage error.`,
    zh: `用法：gomod-doctor explain [--format text|json] < go-error.txt

从标准输入读取 go 命令的错误输出，逐条解释能识别的错误：涉及的模块、主机、原因和修复方法。输入中的凭据不会出现在输出中。

选项：
  --format 格式      text（默认）或 json
  --json             等同于 --format json

示例：
  go mod download 2> go-error.txt; gomod-doctor explain < go-error.txt
  go build ./... 2>&1 | gomod-doctor explain
  gomod-doctor explain --json < go-error.txt

退出码：0 没有识别出错误，1 识别出错误，2 输入为空或用法错误。`,
  },
  'cli.help.cache': {
    en: `Usage: gomod-doctor cache [inspect] [--json]
       gomod-doctor cache clean-modcache|clean-build [--yes] [--dry-run] [--json]
       gomod-doctor cache prune [dir...] [--yes] [--dry-run] [--json]
       gomod-doctor cache clear <module>@<version> [--yes] [--dry-run] [--json]

inspect: GOMODCACHE, GOCACHE and the VCS cache: existence, permissions, free space, network file systems, partial
downloads, locks held right now. The other actions print their plan (what would go, and its size) and remove
nothing without --yes.

Options:
  --yes              carry out the plan
  --dry-run          only the plan, even with --yes
  --budget-ms N      time allowed for reading the module cache (default 10000)
  --json             the result as JSON
  --go PATH          the go binary to use

Examples:
  gomod-doctor cache
  gomod-doctor cache prune ~/src --yes
  gomod-doctor cache clear golang.org/x/text@v0.14.0 --yes

Exit status: 0, 1 error findings or a partial removal, 2 usage error.`,
    zh: `用法：gomod-doctor cache [inspect] [--json]
       gomod-doctor cache clean-modcache|clean-build [--yes] [--dry-run] [--json]
       gomod-doctor cache prune [目录...] [--yes] [--dry-run] [--json]
       gomod-doctor cache clear <模块>@<版本> [--yes] [--dry-run] [--json]

inspect：检查 GOMODCACHE、GOCACHE 和 VCS 缓存：是否存在、权限、剩余空间、网络文件系统、未完成的下载、当前持有的锁。
其他操作会先打印计划（将删除什么以及大小），不加 --yes 时不删除任何内容。

选项：
  --yes              执行计划
  --dry-run          只显示计划，即使加了 --yes
  --budget-ms N      读取模块缓存允许的时间（默认 10000）
  --json             以 JSON 输出结果
  --go 路径          要使用的 go 可执行文件

示例：
  gomod-doctor cache
  gomod-doctor cache prune ~/src --yes
  gomod-doctor cache clear golang.org/x/text@v0.14.0 --yes

退出码：0；有错误级别的问题或只删除了一部分时为 1；用法错误为 2。`,
  },
  'cli.help.lsp': {
    en: `Usage: gomod-doctor lsp --stdio

Runs the language server on stdin/stdout for any LSP editor: diagnostics on go.mod, go.work and go.sum (local
ones at once, per-module ones as the network answers), quick fixes (environment fixes are carried out through
workspace/executeCommand, journaled and undoable), and hovers on require lines. Settings come as
initializationOptions: lang, goPath, mirrors, timeoutMs, stateDir, debounceMs. Setups for Neovim, Helix and Zed:
docs/editors.md.

Options:
  --stdio            speak LSP on stdin/stdout (the only transport offered here)

Examples:
  gomod-doctor lsp --stdio
  npx gomod-doctor lsp --stdio

Exit status: 0 after the client's shutdown and exit, 2 without --stdio.`,
    zh: `用法：gomod-doctor lsp --stdio

通过标准输入输出为任意支持 LSP 的编辑器运行语言服务器：go.mod、go.work 和 go.sum 的诊断（本地诊断立即给出，
逐模块诊断随网络应答陆续给出）、快速修复（环境修复通过 workspace/executeCommand 执行，记录日志并可撤销），
以及 require 行上的悬停信息。设置通过 initializationOptions 传入：lang、goPath、mirrors、timeoutMs、stateDir、debounceMs。
Neovim、Helix 和 Zed 的配置见 docs/editors.md。

选项：
  --stdio            通过标准输入输出使用 LSP（这里唯一提供的传输方式）

示例：
  gomod-doctor lsp --stdio
  npx gomod-doctor lsp --stdio

退出码：客户端 shutdown 并 exit 后为 0，缺少 --stdio 时为 2。`,
  },
} satisfies Record<string, Entry>;
