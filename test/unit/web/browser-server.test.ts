import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { type Diag, LspDriver, type Message } from './lsp-driver';

/**
 * The web extension's bundles (scripts/build-web.js): built for the browser without Node, and
 * the language server bundle (dist/web/server.js) speaking LSP as a Web Worker does, run here in
 * a bare vm context (no `require`, no `process`) whose `self` is the worker's scope.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'web', 'server.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildWeb } = require(path.join(ROOT, 'scripts', 'build-web.js')) as {
  buildWeb(o: { write?: boolean; minify?: boolean }): Promise<{ client: Metafile; server: Metafile }>;
};

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}

const NODE_BUILTINS = ['fs', 'path', 'worker_threads', 'child_process', 'os', 'url', 'util', 'zlib', 'net', 'crypto', 'module', 'v8', 'process'];

const WEAK = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
      Port: 443
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-2016-08
      Certificates:
        - CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/1
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1
`;
/** A misspelt property: only the resource specification knows it is one. */
const MISSPELT = WEAK.replace('      Port: 443\n', '      Port: 443\n      Prot: 1\n');

/**
 * The server bundle in a fresh vm context, as in a Web Worker: `self` with onmessage and
 * postMessage. `files` answers the server's requests to the client (the spec, the scan).
 */
function startServer(files: { spec: boolean; workspace?: Record<string, string> }): LspDriver {
  let toServer: ((e: { data: Message }) => void) | undefined;
  const self = {
    set onmessage(f: (e: { data: Message }) => void) {
      toServer = f;
    },
    addEventListener: () => undefined,
    postMessage: (m: Message) => setImmediate(() => driver.receive(structuredClone(m))),
  };
  const workspace = files.workspace ?? {};
  const driver = new LspDriver((m) => setImmediate(() => toServer!({ data: structuredClone(m) })), {
    'cfnTlsLint/web/extensionFiles': (p: { paths: string[] }): (string | null)[] =>
      p.paths.map((f) => (files.spec && fs.existsSync(path.join(ROOT, 'dist', f)) ? fs.readFileSync(path.join(ROOT, 'dist', f), 'utf8') : null)),
    'cfnTlsLint/web/listFiles': () => ({ uris: Object.keys(workspace), truncated: false }),
    'cfnTlsLint/web/readFiles': (p: { uris: string[] }) => p.uris.map((u) => (u in workspace ? { text: workspace[u] } : { error: 'gone' })),
  });
  const globals = { self, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, performance, TextEncoder, TextDecoder, URL, console };
  vm.runInNewContext(fs.readFileSync(BUNDLE, 'utf8'), vm.createContext(globals), { filename: BUNDLE });
  return driver;
}

const rules = (ds: Diag[]): string[] => ds.map((d) => String(d.code));

describe('web extension: the browser bundles', function () {
  this.timeout(60000);

  before(async () => {
    if (!fs.existsSync(BUNDLE)) await buildWeb({});
  });

  it('build for the browser without Node built-ins: the client imports only `vscode`, the server nothing', async () => {
    const { client, server } = await buildWeb({ write: false });
    // Modules left to the runtime (relative paths are type-only imports esbuild dropped).
    const externals = (m: Metafile): string[] => [
      ...new Set(Object.values(m.inputs).flatMap((i) => i.imports.filter((x) => x.external && !/^[./]/.test(x.path)).map((x) => x.path))),
    ];
    assert.deepEqual(externals(client), ['vscode']);
    assert.deepEqual(externals(server), []);
    for (const m of [client, server]) {
      const files = Object.keys(m.inputs);
      // Node modules come from their stand-ins only; `yaml` is bundled (its browser build), not loaded lazily.
      for (const name of NODE_BUILTINS) assert.ok(!files.some((f) => f === name || f.startsWith(`node:${name}`)), name);
      assert.ok(!files.some((f) => /vscode-language(server|client)\/lib\/node\//.test(f)), 'no Node entry of the LSP libraries');
      assert.ok(!files.some((f) => /server\/src\/(linter|worker-host|worker-thread|start|lint-server)\.ts$/.test(f)), 'no desktop server module');
    }
    assert.ok(Object.keys(server.inputs).some((f) => f.includes('node_modules/yaml/')));
    const text = fs.readFileSync(BUNDLE, 'utf8');
    assert.ok(!/\brequire\("/.test(text), 'the server bundle requires nothing');
  });

  it('answers initialize and publishes the diagnostics of an open template, with hover and quick fixes', async () => {
    const lsp = startServer({ spec: true });
    const init = await lsp.start([]);
    assert.equal(init.capabilities.hoverProvider, true);
    const uri = 'vscode-test-web://mount/listener.yaml';
    lsp.open(uri, 'yaml', WEAK);
    const ds = await lsp.diagnostics(uri, (d) => rules(d).includes('elbv2-ssl-policy-weak'), 20000);
    const weak = ds.find((d) => d.code === 'elbv2-ssl-policy-weak')!;
    assert.equal(weak.range.start.line, 8);
    const hover = (await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 20 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /elbv2-ssl-policy-weak/);
    const actions = (await lsp.request('textDocument/codeAction', {
      textDocument: { uri },
      range: weak.range,
      context: { diagnostics: [weak] },
    })) as { title: string; edit?: unknown }[];
    assert.ok(
      actions.some((a) => a.edit && /ELBSecurityPolicy-TLS13/.test(JSON.stringify(a.edit))),
      actions.map((a) => a.title).join(', '),
    );
  });

  it('reports unknown properties with the spec the client reads, and nothing without it (no crash)', async () => {
    const withSpec = startServer({ spec: true });
    await withSpec.start([]);
    withSpec.open('vscode-test-web://mount/a.yaml', 'yaml', MISSPELT);
    const found = await withSpec.diagnostics('vscode-test-web://mount/a.yaml', (d) => rules(d).includes('elbv2-ssl-policy-weak'), 20000);
    assert.ok(rules(found).includes('unknown-property'), rules(found).join(', '));

    const without = startServer({ spec: false });
    await without.start([]);
    without.open('vscode-test-web://mount/b.yaml', 'yaml', MISSPELT);
    const ds = await without.diagnostics('vscode-test-web://mount/b.yaml', (d) => rules(d).includes('elbv2-ssl-policy-weak'), 20000);
    assert.ok(!rules(ds).includes('unknown-property'), rules(ds).join(', '));
  });

  it('scans the workspace through the client: closed files are read, linted and published', async () => {
    const folder = 'vscode-test-web://mount';
    const workspace: Record<string, string> = { [`${folder}/stacks/alb.yaml`]: WEAK, [`${folder}/package.json`]: '{"name":"x"}' };
    const lsp = startServer({ spec: true, workspace });
    await lsp.start([folder]);
    const ds = await lsp.diagnostics(`${folder}/stacks/alb.yaml`, (d) => rules(d).includes('elbv2-ssl-policy-weak'), 20000);
    assert.ok(ds.length > 0);
    const summary = (await lsp.request('workspace/executeCommand', { command: 'cfn-tls-lint.scanWorkspace', arguments: [] })) as {
      files: number;
      templates: number;
    };
    assert.deepEqual([summary.files, summary.templates], [2, 1]);
    const inventory = (await lsp.request('cfnTlsLint/inventory', {})) as { templates: { file: string; endpoints: unknown[] }[] };
    assert.deepEqual(
      inventory.templates.map((t) => t.file),
      ['stacks/alb.yaml'],
    );
    // Gone from the workspace: the next scan drops its results.
    delete workspace[`${folder}/stacks/alb.yaml`];
    const cleared = lsp.diagnostics(`${folder}/stacks/alb.yaml`, (d) => d.length === 0, 20000);
    await lsp.request('workspace/executeCommand', { command: 'cfn-tls-lint.scanWorkspace', arguments: [] });
    await cleared;
  });

  it('lints an untitled buffer by its language', async () => {
    const lsp = startServer({ spec: true });
    await lsp.start([]);
    lsp.open('untitled:Untitled-1', 'yaml', WEAK);
    await lsp.diagnostics('untitled:Untitled-1', (d) => rules(d).includes('elbv2-ssl-policy-weak'), 20000);
  });
});
