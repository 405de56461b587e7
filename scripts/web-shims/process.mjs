// `process` in the browser bundles (injected as the global, and the `process` module): an empty
// environment, `/` as the working directory. An ES module: esbuild's `inject` takes its exports.
// See README.md.
export const process = {
  env: {},
  argv: [],
  platform: 'browser',
  version: '',
  versions: {},
  pid: 0,
  cwd: () => '/',
  emitWarning: () => undefined,
  nextTick: (f, ...args) => void Promise.resolve().then(() => f(...args)),
};

export default process;
