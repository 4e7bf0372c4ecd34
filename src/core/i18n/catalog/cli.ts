import type { Entry } from './entry';

// Help texts never contain a word in braces: t() would take it for a placeholder.
export const cliMessages = {
  'cli.usage': {
    en: `Usage: gomod-doctor <command> [options]

Commands:
  check [dir]          check every go.mod, go.work and go.sum below dir: environment, probes, caches, modules
  env                  each module-related Go variable: effective value, the layer it comes from, what it shadows
  probe                every GOPROXY entry, the public mirrors and the checksum database, stage by stage
  fix <fix-id>         apply an environment fix (the ids are printed by check and env)
  undo                 undo the last environment change made by gomod-doctor
  explain              read a go command's error output on stdin and explain each error
  watch -- go <args>   run a go command under the watchdog: progress, stalls, timeout (exit 124)
  cache <action>       inspect, clean-modcache, clean-build, prune, clear <module@version>
  parse <file>         print a go.mod or go.work as JSON, in the shape of 'go mod edit -json'
  lsp --stdio          run the language server for any LSP editor (Neovim, Helix, Zed, ...)

Run 'gomod-doctor <command> --help' (or 'gomod-doctor help <command>') for a command's options and examples.

Options of every command:
  --lang en|zh-cn      language of messages (default: from LC_ALL, LC_MESSAGES or LANG)
  --debug              show internals: timings, and the stack trace of an internal error
  --version, --help

Exit status: 0 no error findings, 1 error findings, 2 usage or internal error, 124 watch timeout.
Colour only on a terminal; set NO_COLOR to turn it off, FORCE_COLOR=1 to force it.`,
    zh: `用法：gomod-doctor <命令> [选项]

命令：
  check [目录]         检查目录下的每个 go.mod、go.work 和 go.sum：环境、探测、缓存、模块
  env                  每个与模块有关的 Go 变量：生效值、来源层级、被它遮蔽的值
  probe                逐阶段探测每个 GOPROXY 条目、公共镜像和校验和数据库
  fix <修复 ID>        应用一项环境修复（ID 由 check 和 env 输出）
  undo                 撤销 gomod-doctor 最近一次对环境的修改
  explain              从标准输入读取 go 命令的错误输出并逐条解释
  watch -- go <参数>   在看门狗下运行 go 命令：进度、卡住检测、超时（退出码 124）
  cache <操作>         inspect、clean-modcache、clean-build、prune、clear <模块@版本>
  parse <文件>         以 'go mod edit -json' 的格式输出 go.mod 或 go.work 的 JSON
  lsp --stdio          为任意支持 LSP 的编辑器运行语言服务器（Neovim、Helix、Zed 等）

运行 'gomod-doctor <命令> --help'（或 'gomod-doctor help <命令>'）查看该命令的选项和示例。

所有命令通用的选项：
  --lang en|zh-cn      消息语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  --debug              显示内部信息：耗时，以及内部错误的调用栈
  --version, --help

退出码：0 没有错误级别的问题，1 有错误级别的问题，2 用法错误或内部错误，124 watch 超时。
仅在终端中使用颜色；设置 NO_COLOR 可关闭颜色，FORCE_COLOR=1 可强制开启。`,
  },

  // ---- per-command help: `gomod-doctor <command> --help` and `gomod-doctor help <command>` ----
  'cli.help.check': {
    en: `Usage: gomod-doctor check [dir] [options]

Checks everything a module download depends on, as the editor does: the Go environment (every layer), the
GOPROXY entries and the checksum database (probes), the module and build caches, and every go.mod, go.work and
go.sum below dir (default: the current directory), including each required module version through the
configured proxies.

Options:
  --format FORMAT        text (default), json, markdown or sarif
  --json                 same as --format json
  --offline              no network: skip the probes and the per-module checks
  --timeout-ms N         bound on every network wait (default 5000)
  --concurrency N        network requests at once
  --mirrors URL,..|none  public mirrors to compare with (default: the known ones)
  --go PATH              the go binary to use

Formats: text groups findings by environment, host, cache and file, with the command that applies each fix;
markdown is a redacted report to paste into an issue; json is the Finding contract with the environment, probes
and cache state; sarif (2.1.0) is for code-scanning tools (GitHub code scanning shows go.mod annotations).

Examples:
  gomod-doctor check
  gomod-doctor check ./service --offline
  gomod-doctor check --format sarif > gomod.sarif
  gomod-doctor check --format markdown > gomod-report.md
  gomod-doctor check --timeout-ms 3000 --mirrors none --format json

Exit status: 0 no error findings, 1 error findings, 2 usage or internal error.`,
    zh: `用法：gomod-doctor check [目录] [选项]

像编辑器一样检查模块下载所依赖的一切：Go 环境（各个层级）、GOPROXY 条目和校验和数据库（探测）、模块缓存和构建缓存，
以及目录（默认当前目录）下的每个 go.mod、go.work 和 go.sum，包括经由所配置代理获取的每个依赖模块版本。

选项：
  --format 格式          text（默认）、json、markdown 或 sarif
  --json                 等同于 --format json
  --offline              不访问网络：跳过探测和逐模块检查
  --timeout-ms N         每次网络等待的上限（默认 5000）
  --concurrency N        同时进行的网络请求数
  --mirrors URL,..|none  用于比较的公共镜像（默认：已知镜像）
  --go 路径              要使用的 go 可执行文件

格式：text 按环境、主机、缓存和文件分组，并给出应用每项修复的命令；markdown 是可粘贴到 issue 中的脱敏报告；
json 是 Finding 契约，附带环境、探测和缓存状态；sarif（2.1.0）供代码扫描工具使用（GitHub 代码扫描会在 go.mod 上显示标注）。

示例：
  gomod-doctor check
  gomod-doctor check ./service --offline
  gomod-doctor check --format sarif > gomod.sarif
  gomod-doctor check --format markdown > gomod-report.md
  gomod-doctor check --timeout-ms 3000 --mirrors none --format json

退出码：0 没有错误级别的问题，1 有错误级别的问题，2 用法错误或内部错误。`,
  },
  'cli.help.env': {
    en: `Usage: gomod-doctor env [options]

Prints each module-related Go variable with its effective value, the layer it comes from (process, the go env -w
file, $GOROOT/go.env, default, editor) and the values it shadows; then the findings about them, each with the
'gomod-doctor fix' command that corrects it. Secrets in values are redacted.

Options:
  --json             the DESIGN shape: go, envFile, vars, findings
  --route MODULE     also show where the go command would fetch MODULE from
  --settings FILE    a VS Code settings.json whose go.toolsEnvVars is the editor layer
  --go PATH          the go binary to use

Examples:
  gomod-doctor env
  gomod-doctor env --route github.com/acme/private-lib
  gomod-doctor env --json

Exit status: 0, or 2 on a usage error.`,
    zh: `用法：gomod-doctor env [选项]

输出每个与模块有关的 Go 变量：生效值、来源层级（进程、go env -w 文件、$GOROOT/go.env、默认值、编辑器）以及被它遮蔽的值；
然后列出相关问题，每个问题附带可修正它的 'gomod-doctor fix' 命令。值中的密钥会被脱敏。

选项：
  --json             DESIGN 中的格式：go、envFile、vars、findings
  --route 模块       同时显示 go 命令会从哪里获取该模块
  --settings 文件    一个 VS Code settings.json，其中的 go.toolsEnvVars 作为编辑器层
  --go 路径          要使用的 go 可执行文件

示例：
  gomod-doctor env
  gomod-doctor env --route github.com/acme/private-lib
  gomod-doctor env --json

退出码：0；用法错误时为 2。`,
  },
  'cli.help.probe': {
    en: `Usage: gomod-doctor probe [options]

Probes every GOPROXY entry, the known public mirrors and the checksum database stage by stage (DNS, TCP, TLS,
HTTP, protocol), then names the fastest healthy proxy from this machine.

Options:
  --json                 probes, findings, recommendation, durationMs
  --timeout-ms N         bound on every network wait (default 5000)
  --overall-ms N         bound on the whole run
  --concurrency N        probes at once
  --mirrors URL,..|none  public mirrors to compare with (default: the known ones)
  --module PATH          the module to ask each proxy for (default golang.org/x/mod)
  --go PATH              the go binary to use

Examples:
  gomod-doctor probe
  gomod-doctor probe --mirrors none --timeout-ms 2000
  gomod-doctor probe --json --module github.com/acme/lib

Exit status: 0 no error findings, 1 error findings, 2 usage or internal error.`,
    zh: `用法：gomod-doctor probe [选项]

逐阶段（DNS、TCP、TLS、HTTP、协议）探测每个 GOPROXY 条目、已知公共镜像和校验和数据库，然后给出从本机访问最快且正常的代理。

选项：
  --json                 probes、findings、recommendation、durationMs
  --timeout-ms N         每次网络等待的上限（默认 5000）
  --overall-ms N         整次运行的上限
  --concurrency N        同时进行的探测数
  --mirrors URL,..|none  用于比较的公共镜像（默认：已知镜像）
  --module 路径          向每个代理请求的模块（默认 golang.org/x/mod）
  --go 路径              要使用的 go 可执行文件

示例：
  gomod-doctor probe
  gomod-doctor probe --mirrors none --timeout-ms 2000
  gomod-doctor probe --json --module github.com/acme/lib

退出码：0 没有错误级别的问题，1 有错误级别的问题，2 用法错误或内部错误。`,
  },
  'cli.help.parse': {
    en: `Usage: gomod-doctor parse <go.mod|go.work> [--json]

Prints the parsed file as JSON, byte for byte in the shape of 'go mod edit -json' / 'go work edit -json'.
A file the go command would reject is reported on stderr with the same line, exit status 1.

Options:
  --json             JSON output (the only output; accepted for scripts that say so)

Examples:
  gomod-doctor parse go.mod --json
  gomod-doctor parse ../go.work --json

Exit status: 0 parsed, 1 the file has errors, 2 usage error.`,
    zh: `用法：gomod-doctor parse <go.mod|go.work> [--json]

以 JSON 输出解析结果，与 'go mod edit -json' / 'go work edit -json' 的输出逐字节一致。
go 命令会拒绝的文件会在标准错误中报告同样的行号，退出码为 1。

选项：
  --json             JSON 输出（唯一的输出格式；为明确写出该选项的脚本而保留）

示例：
  gomod-doctor parse go.mod --json
  gomod-doctor parse ../go.work --json

退出码：0 解析成功，1 文件有错误，2 用法错误。`,
  },
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
  'cli.help-hint': { en: "Run 'gomod-doctor {command} --help' for its options and examples.", zh: "运行 'gomod-doctor {command} --help' 查看其选项和示例。" },
  'cli.unknown-help-topic': { en: 'no help for "{command}": not a command', zh: '没有 "{command}" 的帮助：不是一个命令' },

  'cli.unknown-command': { en: 'unknown command "{command}"', zh: '未知命令 "{command}"' },
  'cli.unknown-option': { en: 'unknown option "{option}"', zh: '未知选项 "{option}"' },
  'cli.missing-value': { en: 'option {option} needs a value', zh: '选项 {option} 需要一个值' },
  'cli.bad-number': { en: '{option} needs a positive whole number, not "{value}"', zh: '{option} 需要一个正整数，而不是 "{value}"' },
  'cli.bad-format': { en: 'unknown format "{format}" (expected {allowed})', zh: '未知格式 "{format}"（应为 {allowed}）' },
  'cli.bad-lang': { en: 'unknown language "{lang}" (expected en or zh-cn)', zh: '未知语言 "{lang}"（应为 en 或 zh-cn）' },
  'cli.parse-needs-file': {
    en: 'parse needs a go.mod or go.work file: gomod-doctor parse path/to/go.mod --json',
    zh: 'parse 需要一个 go.mod 或 go.work 文件：gomod-doctor parse path/to/go.mod --json',
  },
  'cli.parse-unknown-kind': {
    en: '{file} is neither a go.mod nor a go.work file',
    zh: '{file} 既不是 go.mod 也不是 go.work 文件',
  },
  'cli.cannot-read': { en: 'cannot read {file}: {reason}', zh: '无法读取 {file}：{reason}' },
  'cli.not-a-directory': { en: '{dir} is not a directory', zh: '{dir} 不是目录' },
  'cli.lsp-needs-stdio': { en: 'lsp needs --stdio', zh: 'lsp 需要 --stdio 参数' },
  'cli.summary': {
    en: '{errors} error(s), {warnings} warning(s), {others} other finding(s) in {files} file(s)',
    zh: '{files} 个文件中有 {errors} 个错误、{warnings} 个警告、{others} 个其他问题',
  },
  'cli.summary-nofiles': {
    en: '{errors} error(s), {warnings} warning(s), {others} other finding(s)',
    zh: '{errors} 个错误、{warnings} 个警告、{others} 个其他问题',
  },
  'cli.no-files': { en: 'no go.mod, go.work or go.sum found below {dir}', zh: '{dir} 下没有找到 go.mod、go.work 或 go.sum' },
  'cli.internal-error': {
    en: 'internal error: {message} (run with --debug for details)',
    zh: '内部错误：{message}（使用 --debug 查看详情）',
  },

  // ---- text report ----
  'cli.fix': { en: 'fix', zh: '修复' },
  'cli.group.env': { en: 'Go environment', zh: 'Go 环境' },
  'cli.group.host': { en: 'host {host}', zh: '主机 {host}' },
  'cli.group.cache': { en: 'caches', zh: '缓存' },
  'cli.group.other': { en: 'other', zh: '其他' },

  // ---- progress line (stderr, terminals only) ----
  'cli.progress.env': { en: 'reading the Go environment…', zh: '正在读取 Go 环境…' },
  'cli.progress.probes': { en: 'probing {count} proxies and checksum databases…', zh: '正在探测 {count} 个代理和校验和数据库…' },
  'cli.progress.cache': { en: 'inspecting the caches…', zh: '正在检查缓存…' },
  'cli.progress.file': { en: 'checking {file} ({n}/{total})…', zh: '正在检查 {file}（{n}/{total}）…' },

  // ---- markdown report ----
  'cli.md.findings': { en: 'Findings', zh: '问题' },
  'cli.md.none': { en: 'None.', zh: '无。' },
  'cli.md.none-short': { en: 'none', zh: '无' },
  'cli.md.checked': { en: 'checked: {files} module file(s) in {ms} ms', zh: '已检查：{files} 个模块文件，用时 {ms} 毫秒' },
  'cli.md.env': { en: 'Go environment', zh: 'Go 环境' },
  'cli.md.env-file': { en: 'go env -w file: {file}', zh: 'go env -w 文件：{file}' },
  'cli.md.probes': { en: 'Probes', zh: '探测' },
  'cli.md.probes-offline': { en: 'Not run (--offline).', zh: '未运行（--offline）。' },
  'cli.md.probes-none': { en: 'Nothing to probe (no proxy or checksum database is used).', zh: '没有可探测的对象（未使用任何代理或校验和数据库）。' },
  'cli.md.cache': { en: 'Caches', zh: '缓存' },
  'cli.md.cache-unknown': { en: 'Not inspected (the go command could not be run).', zh: '未检查（无法运行 go 命令）。' },
  'cli.md.modcache': {
    en: 'Module cache: {versions} module version(s), {partials} partial download(s), {readOnly} read-only dir(s), {locks} lock(s) held{complete}.',
    zh: '模块缓存：{versions} 个模块版本，{partials} 个未完成的下载，{readOnly} 个只读目录，{locks} 个被持有的锁{complete}。',
  },
  'cli.md.incomplete': { en: ' (partly read: the time budget ran out)', zh: '（仅读取了一部分：时间预算已用完）' },
} satisfies Record<string, Entry>;
