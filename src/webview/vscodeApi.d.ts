// What VS Code gives a webview's script. Called once; the object is kept private (never put on window).
interface WebviewApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): State;
}
declare function acquireVsCodeApi<State = unknown>(): WebviewApi<State>;
