// The language server: keeps open go.mod / go.work / go.sum documents and publishes local diagnostics at once.
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnoseText, moduleFileKind } from '../core/diagnose/local';
import { localGoVersion } from '../core/gocmd/run';
import { normalizeLang, setLanguage } from '../core/i18n';
import type { InitializationOptions } from '../protocol';
import { toDiagnostic } from './diagnostics';

function filePath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let goVersion: string | undefined;

  const validate = (doc: TextDocument): void => {
    const file = filePath(doc.uri);
    const kind = moduleFileKind(file);
    if (!kind) return;
    try {
      const findings = diagnoseText(kind, doc.getText(), { file, localGoVersion: goVersion });
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: findings.map(toDiagnostic) });
    } catch (err) {
      // A rule must never take the server down; the log says which file tripped it.
      connection.console.error(`checking ${file} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  };

  connection.onInitialize((params) => {
    const opts = (params.initializationOptions ?? {}) as InitializationOptions;
    setLanguage(normalizeLang(opts.lang ?? params.locale));
    if (opts.trusted !== false) {
      // Local diagnostics do not wait for go; the toolchain rules join in when its version is known.
      void localGoVersion({ goPath: opts.goPath }).then((v) => {
        goVersion = v;
        if (!v) connection.console.warn('go could not be run; toolchain checks are off');
        for (const doc of documents.all()) validate(doc);
      });
    }
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
      serverInfo: { name: 'gomod-doctor' },
    };
  });

  documents.onDidChangeContent((change) => validate(change.document));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
  documents.listen(connection);
  connection.listen();
}
