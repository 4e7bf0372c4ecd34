// The editor layer: variables VS Code injects into the tools it runs (go.toolsEnvVars, and optionally the
// integrated terminal's env). Core reads it as input and writes through EditorSettingsTarget; the extension
// implements the target with the VS Code API, tests and the CLI use a settings.json file on disk.
import { readFileSync } from 'node:fs';
import { atomicWriteFile } from './journal';

export interface EditorSettingsTarget {
  /** Where the values live (a settings.json path, or e.g. "vscode:user"); recorded in the journal. */
  readonly description: string;
  /** The variables the editor injects. Throws EditorSettingsError when they cannot be read. */
  read(): Promise<Record<string, string>>;
  /** Sets a variable, or removes it when value is undefined. Throws EditorSettingsError and changes nothing on failure. */
  write(name: string, value: string | undefined): Promise<void>;
}

export class EditorSettingsError extends Error {}

export const TOOLS_ENV_KEY = 'go.toolsEnvVars';

export function terminalEnvKey(platform: NodeJS.Platform): string {
  return `terminal.integrated.env.${platform === 'win32' ? 'windows' : platform === 'darwin' ? 'osx' : 'linux'}`;
}

interface TopLevelProp {
  key: string;
  valueStart: number;
  valueEnd: number;
}

/** Scans JSONC (comments, trailing commas) for the top-level object's properties and their value spans. */
export function scanTopLevel(text: string): { open: number; close: number; props: TopLevelProp[] } {
  let i = 0;
  const n = text.length;
  const fail = (why: string): never => {
    throw new EditorSettingsError(`${why} at offset ${i}`);
  };
  const skipWs = () => {
    for (;;) {
      while (i < n && /\s/.test(text[i])) i++;
      if (text.startsWith('//', i)) {
        while (i < n && text[i] !== '\n') i++;
      } else if (text.startsWith('/*', i)) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) fail('unterminated comment');
        i = end + 2;
      } else return;
    }
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') i++;
      if (text[i] === '\n') fail('newline in string');
      i++;
    }
    if (i >= n) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skipValue = () => {
    skipWs();
    const c = text[i];
    if (c === '"') {
      readString();
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      for (;;) {
        skipWs();
        if (text[i] === close) {
          i++;
          return;
        }
        if (c === '{') {
          if (text[i] !== '"') fail('expected a property name');
          readString();
          skipWs();
          if (text[i] !== ':') fail('expected ":"');
          i++;
        }
        skipValue();
        skipWs();
        if (text[i] === ',') i++;
        else if (text[i] !== close) fail(`expected "," or "${close}"`);
      }
    }
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!m) fail('unexpected character');
    i += m![0].length;
  };

  skipWs();
  if (text[i] !== '{') fail('expected "{"');
  const open = i;
  i++;
  const props: TopLevelProp[] = [];
  for (;;) {
    skipWs();
    if (text[i] === '}') break;
    if (text[i] !== '"') fail('expected a property name');
    const key = readString();
    skipWs();
    if (text[i] !== ':') fail('expected ":"');
    i++;
    skipWs();
    const valueStart = i;
    skipValue();
    props.push({ key, valueStart, valueEnd: i });
    skipWs();
    if (text[i] === ',') i++;
    else if (text[i] !== '}') fail('expected "," or "}"');
  }
  const close = i;
  i++;
  skipWs();
  if (i < n) fail('unexpected text after the settings object');
  return { open, close, props };
}

/** Parses a JSONC value (the text of one property) into plain JSON. */
function parseJsoncValue(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        i++;
      }
      out += text.slice(start, i + 1);
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (text.startsWith('/*', i)) {
      i = text.indexOf('*/', i + 2) + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** A VS Code settings.json on disk. Edits only the configured properties and keeps the rest of the text, comments included. */
export class JsonSettingsFileTarget implements EditorSettingsTarget {
  readonly description: string;

  constructor(
    readonly file: string,
    /** The properties holding variables; the first is read, all are written. */
    readonly keys: string[] = [TOOLS_ENV_KEY],
  ) {
    this.description = file;
  }

  private load(): { text: string; exists: boolean } {
    try {
      return { text: readFileSync(this.file, 'utf8'), exists: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { text: '', exists: false };
      throw new EditorSettingsError(`cannot read ${this.file}: ${(err as Error).message}`);
    }
  }

  private objectAt(text: string, key: string): { prop?: TopLevelProp; value: Record<string, string> } {
    if (text.trim() === '') return { value: {} };
    const { props } = scanTopLevel(text);
    const prop = [...props].reverse().find((p) => p.key === key);
    if (!prop) return { value: {} };
    const v = parseJsoncValue(text.slice(prop.valueStart, prop.valueEnd));
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new EditorSettingsError(`"${key}" in ${this.file} is not an object`);
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (typeof x === 'string') out[k] = x;
    return { prop, value: out };
  }

  async read(): Promise<Record<string, string>> {
    const { text } = this.load();
    try {
      return this.objectAt(text, this.keys[0]).value;
    } catch (err) {
      throw err instanceof EditorSettingsError ? err : new EditorSettingsError(`${this.file}: ${(err as Error).message}`);
    }
  }

  async write(name: string, value: string | undefined): Promise<void> {
    let { text } = this.load();
    try {
      for (const key of this.keys) text = this.edit(text, key, name, value);
    } catch (err) {
      throw err instanceof EditorSettingsError ? err : new EditorSettingsError(`${this.file}: ${(err as Error).message}`);
    }
    try {
      atomicWriteFile(this.file, text);
    } catch (err) {
      throw new EditorSettingsError(`cannot write ${this.file}: ${(err as Error).message}`);
    }
  }

  private edit(text: string, key: string, name: string, value: string | undefined): string {
    const { prop, value: obj } = this.objectAt(text, key);
    if (value === undefined) delete obj[name];
    else obj[name] = value;
    if (text.trim() === '') return JSON.stringify({ [key]: obj }, null, 4) + '\n';
    const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '    ';
    const rendered = JSON.stringify(obj, null, indent).replace(/\n/g, '\n' + indent);
    if (prop) return text.slice(0, prop.valueStart) + rendered + text.slice(prop.valueEnd);
    const { open, props } = scanTopLevel(text);
    const entry = '\n' + indent + JSON.stringify(key) + ': ' + rendered;
    if (props.length === 0) return text.slice(0, open + 1) + entry + '\n' + text.slice(open + 1).replace(/^\s*/, '');
    // Insert right after the last property's value (after its trailing comma, if it has one).
    const last = props[props.length - 1];
    const comma = /^\s*,/.exec(text.slice(last.valueEnd));
    if (comma) {
      const at = last.valueEnd + comma[0].length;
      return text.slice(0, at) + entry + text.slice(at);
    }
    return text.slice(0, last.valueEnd) + ',' + entry + text.slice(last.valueEnd);
  }
}

/** The official Go extension's settings that matter here, read from a settings.json. */
export interface GoExtensionSettings {
  toolsEnvVars: Record<string, string>;
  goroot?: string;
  alternateTools?: Record<string, string>;
}

export function readGoExtensionSettings(file: string): GoExtensionSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { toolsEnvVars: {} };
    throw new EditorSettingsError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (text.trim() === '') return { toolsEnvVars: {} };
  const out: GoExtensionSettings = { toolsEnvVars: {} };
  let props: TopLevelProp[];
  try {
    props = scanTopLevel(text).props;
  } catch (err) {
    throw new EditorSettingsError(`${file}: ${(err as Error).message}`);
  }
  const valueOf = (key: string): unknown => {
    const p = [...props].reverse().find((x) => x.key === key);
    return p ? parseJsoncValue(text.slice(p.valueStart, p.valueEnd)) : undefined;
  };
  const strings = (v: unknown): Record<string, string> => {
    const r: Record<string, string> = {};
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') r[k] = x;
    return r;
  };
  out.toolsEnvVars = strings(valueOf(TOOLS_ENV_KEY));
  const goroot = valueOf('go.goroot');
  if (typeof goroot === 'string' && goroot) out.goroot = goroot;
  const alt = strings(valueOf('go.alternateTools'));
  if (Object.keys(alt).length) out.alternateTools = alt;
  return out;
}
