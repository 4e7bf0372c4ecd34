// `gomod-doctor env [--json] [--go PATH] [--settings FILE] [--route MODULE]`: every module-relevant variable with
// its effective value, the layer it came from and the values it shadows; then the env findings.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { checkGo, resolveGoBinary, GoTooOldError } from '../../core/gocmd/find';
import { GoNotFoundError } from '../../core/gocmd/run';
import { JsonSettingsFileTarget, readGoExtensionSettings, TOOLS_ENV_KEY, terminalEnvKey, type GoExtensionSettings } from '../../core/goenv/editor';
import { defaultStateDir } from '../../core/goenv/journal';
import { lintEnv } from '../../core/goenv/lint';
import { loadEffectiveEnv } from '../../core/goenv/load';
import { t } from '../../core/i18n';
import { envToJson, renderEnvTable, renderFindingsList, renderRoute } from '../../core/goenv/report';
import { route, routeEnvOf } from '../../core/goenv/route';
import { redactSecrets } from '../../core/report/redact';
import { parseArgs, stringFlag, type ParsedArgs } from '../args';
import { UsageError, type CliIo } from '../io';

/** What env, fix and undo share: the go binary, the editor settings file, the state dir. */
export interface EnvCommandSetup {
  goPath?: string;
  goVersion?: string;
  goProblem?: string;
  settingsFile?: string;
  settings?: GoExtensionSettings;
  stateDir: string;
}

export async function setupEnvCommand(args: ParsedArgs, io: CliIo, needGo: boolean): Promise<EnvCommandSetup> {
  const settingsFile = stringFlag(args, 'settings');
  let settings: GoExtensionSettings | undefined;
  if (settingsFile) {
    try {
      settings = readGoExtensionSettings(resolve(io.cwd, settingsFile));
    } catch (err) {
      throw new UsageError(t('env.write.editor-unparsable', { file: settingsFile, reason: (err as Error).message }));
    }
  }
  const bin = resolveGoBinary({
    explicit: stringFlag(args, 'go'),
    alternateTools: settings?.alternateTools,
    goroot: settings?.goroot,
    env: io.env,
  });
  const setup: EnvCommandSetup = {
    goPath: bin?.path,
    settingsFile: settingsFile ? resolve(io.cwd, settingsFile) : undefined,
    settings,
    stateDir: stringFlag(args, 'state-dir') ? resolve(io.cwd, stringFlag(args, 'state-dir')!) : defaultStateDir(io.env, process.platform, homedir()),
  };
  if (!bin) {
    setup.goProblem = new GoNotFoundError('go').message;
  } else if (needGo) {
    try {
      setup.goVersion = (await checkGo(bin.path, { baseEnv: io.env, cwd: io.cwd })).version;
    } catch (err) {
      setup.goProblem = err instanceof GoNotFoundError || err instanceof GoTooOldError ? err.message : String(err);
    }
  }
  return setup;
}

/** The editor layer target for --settings: go.toolsEnvVars, plus the integrated terminal's env. */
export function settingsTarget(setup: EnvCommandSetup): JsonSettingsFileTarget | undefined {
  return setup.settingsFile ? new JsonSettingsFileTarget(setup.settingsFile, [TOOLS_ENV_KEY, terminalEnvKey(process.platform)]) : undefined;
}

export async function runEnvCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { json: 'bool', go: 'value', settings: 'value', route: 'value', lang: 'value', 'state-dir': 'value' });
  if (args.positionals.length > 0) throw new UsageError(t('env.cli.usage-env'));
  const setup = await setupEnvCommand(args, io, true);
  const editor = setup.settings?.toolsEnvVars;
  const { env } = await loadEffectiveEnv({ goPath: setup.goPath, env: io.env, editor, cwd: io.cwd });
  const findings = lintEnv(env);
  const moduleRoute = stringFlag(args, 'route');
  if (args.flags.has('json')) {
    const json = envToJson(env, findings, { path: setup.goPath, version: setup.goVersion });
    const out: Record<string, unknown> = { ...json };
    if (setup.goProblem) out.goProblem = redactSecrets(setup.goProblem);
    if (moduleRoute) out.route = JSON.parse(redactSecrets(JSON.stringify(route(moduleRoute, routeEnvOf(env.values)))));
    io.out(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  if (setup.goProblem) io.err(t('env.cli.no-go', { detail: redactSecrets(setup.goProblem) }) + '\n');
  else io.out(t('env.cli.go', { path: setup.goPath ?? 'go', version: `go${setup.goVersion}` }) + '\n');
  io.out(t('env.cli.envfile', { file: env.envFile.path ? `${env.envFile.path}${env.envFile.exists ? '' : ' (missing)'}` : t('env.cli.none') }) + '\n\n');
  io.out(renderEnvTable(env));
  if (moduleRoute) io.out('\n' + renderRoute(route(moduleRoute, routeEnvOf(env.values))));
  if (findings.length) io.out('\n' + renderFindingsList(findings));
  return 0;
}
