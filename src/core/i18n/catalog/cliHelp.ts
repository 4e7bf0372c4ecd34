import type { Entry } from './entry';

// Help texts never contain a word in braces: t() would take it for a placeholder.
// The CLI's usage texts (part 1): the overview and the first commands, with examples.
export const cliHelpMessages = {
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
} satisfies Record<string, Entry>;
