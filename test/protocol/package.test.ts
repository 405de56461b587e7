import { strict as assert } from 'assert';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { docsUrl } from '../../rules/src/index';
import { defaultRegistry } from '../../rules/src/rules/index';
import { listenersYaml } from './fixtures';
import { REPO } from './lsp-harness';

/** Entries of a zip file (a .vsix), from its central directory. */
interface ZipEntry {
  name: string;
  size: number;
  compressedSize: number;
  data(): Buffer;
}

function readZip(file: string): ZipEntry[] {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'a zip end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'a central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.push({
      name,
      size,
      compressedSize,
      data: () => {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + compressedSize);
        return method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('packaging: npm run package', function () {
  this.timeout(180000);
  const vsix = path.join(REPO, 'cfn-tls-lint.vsix');
  let entries: ZipEntry[];

  before(() => {
    if (fs.existsSync(vsix)) fs.rmSync(vsix);
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO, stdio: 'pipe' });
    entries = readZip(vsix);
  });

  it('produces a .vsix under 2.5 MB', () => {
    // 2 MB until the web extension (dist/web/: its client and its server, about 0.33 MB packed).
    const size = fs.statSync(vsix).size;
    assert.ok(size < 2.5 * 1024 * 1024, `${(size / 1048576).toFixed(2)} MB`);
  });

  it('ships the bundles, the spec data and the icon, and no sources, maps or node_modules', () => {
    const names = entries.map((e) => e.name);
    for (const f of [
      'extension/package.json',
      'extension/dist/server.js',
      'extension/dist/server-main.js',
      'extension/dist/engine.js',
      'extension/dist/vendor/yaml.js',
      'extension/dist/extension.js',
      'extension/dist/web/extension.js',
      'extension/dist/web/server.js',
      'extension/dist/spec-index/index.json',
      'extension/dist/spec-index/AWS_ElasticLoadBalancingV2.json',
      'extension/dist/spec-docs/AWS_ElasticLoadBalancingV2.json.br',
      'extension/media/icon.png',
    ]) {
      assert.ok(names.includes(f), `${f} in ${names.join(', ')}`);
    }
    const unwanted = names.filter((n) => /node_modules\/|\.ts$|\.map$|^extension\/(test|rules|server|client|cli|scripts|out|docs|examples)\//.test(n));
    assert.deepEqual(unwanted, []);
  });

  it('ships every rule page for the in-editor documentation, each with its online link', () => {
    const names = new Set(entries.map((e) => e.name));
    const index = JSON.parse(
      entries
        .find((e) => e.name === 'extension/dist/docs/rules/index.json')!
        .data()
        .toString('utf8'),
    ) as { rules: string[] };
    const ids = defaultRegistry()
      .allMetas()
      .map((m) => m.id);
    assert.deepEqual(index.rules, [...ids].sort());
    for (const id of ids) {
      const entry = `extension/dist/docs/rules/${id}.md`;
      assert.ok(names.has(entry), entry);
    }
    const page = entries
      .find((e) => e.name === 'extension/dist/docs/rules/elbv2-ssl-policy-weak.md')!
      .data()
      .toString('utf8');
    assert.ok(page.includes(`[View this page online](${docsUrl('elbv2-ssl-policy-weak')})`));
    assert.ok(page.includes('## What it checks'));
  });

  it("has the extension's own README, whose images are all in the .vsix (none from the network)", () => {
    const names = new Set(entries.map((e) => e.name));
    // vsce packs `--readme-path README.vsix.md` as extension/readme.md; the repository's README.md is not packed.
    assert.ok(!names.has('extension/README.md'), "the developers' README is not packed");
    const readme = entries
      .find((e) => e.name === 'extension/readme.md')!
      .data()
      .toString('utf8');
    assert.equal(readme, fs.readFileSync(path.join(REPO, 'README.vsix.md'), 'utf8'), 'the packed README is README.vsix.md, links not rewritten');
    assert.ok(readme.startsWith('# CloudFormation TLS Lint\n'));
    assert.ok(!/npm ci|npm run|npm test/.test(readme), 'no build instructions');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]+src=["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
    assert.ok(images.length >= 3, `screenshots: ${images.join(', ')}`);
    for (const src of images) {
      assert.ok(!/^[a-z]+:/i.test(src) && !src.startsWith('/'), `${src} is relative`);
      assert.ok(names.has(`extension/${path.posix.normalize(src)}`), `${src} is in the .vsix`);
    }
    // Nothing packed for nothing: every packed screenshot is shown.
    const packedShots = [...names].filter((n) => n.startsWith('extension/media/screenshots/'));
    assert.deepEqual(packedShots.sort(), images.map((i) => `extension/${path.posix.normalize(i)}`).sort());
    // The settings and the palette's commands, as package.json contributes them.
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    for (const key of Object.keys(pkg.contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), `setting ${key}`);
    const hidden = new Set(
      (pkg.contributes.menus.commandPalette as { command: string; when: string }[]).filter((m) => m.when === 'false').map((m) => m.command),
    );
    for (const c of pkg.contributes.commands as { command: string; title: string }[]) {
      if (!hidden.has(c.command)) assert.ok(readme.includes(`| ${c.title} |`), `command ${c.title}`);
    }
  });

  it('has a manifest that starts the bundled client', () => {
    const pkg = JSON.parse(
      entries
        .find((e) => e.name === 'extension/package.json')!
        .data()
        .toString('utf8'),
    );
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.equal(pkg.icon, 'media/icon.png');
    assert.ok(pkg.categories.includes('Linters'));
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === 'cfnTlsLint.scanWorkspace'));
    assert.ok(pkg.contributes.configurationDefaults['yaml.customTags'].includes('!Ref scalar'));
    // settings.json completes the rule ids (the schema is generated from the registry).
    assert.ok(pkg.contributes.configuration.properties['cfnTlsLint.rules'].properties['elbv2-ssl-policy-weak']);
    const ext = entries
      .find((e) => e.name === 'extension/dist/extension.js')!
      .data()
      .toString('utf8');
    assert.ok(!/require\(["']vscode-languageclient/.test(ext), 'the language client is bundled');
    const icon = entries.find((e) => e.name === 'extension/media/icon.png')!.data();
    assert.equal(icon.readUInt32BE(16), 128, 'icon width');
    assert.equal(icon.readUInt32BE(20), 128, 'icon height');
  });

  it('the packaged server starts over stdio and lints with its packaged data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tls-lint-vsix-'));
    try {
      for (const e of entries.filter((x) => x.name.startsWith('extension/dist/') && !x.name.endsWith('/'))) {
        const file = path.join(dir, e.name.slice('extension/dist/'.length));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, e.data());
      }
      const child = spawn(process.execPath, [path.join(dir, 'server.js'), '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
      const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      conn.listen();
      try {
        const init = (await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as { serverInfo: { name: string } };
        assert.equal(init.serverInfo.name, 'cfn-tls-lint');
        await conn.sendNotification('initialized', {});
        const hover = new Promise<unknown>((resolve) => {
          conn.onNotification('textDocument/publishDiagnostics', async () => {
            // Hover on the resource type reads the packaged spec-docs/AWS_ElasticLoadBalancingV2.json.br.
            resolve(await conn.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:t' }, position: { line: 3, character: 12 } }));
          });
        });
        await conn.sendNotification('textDocument/didOpen', {
          textDocument: { uri: 'untitled:t', languageId: 'yaml', version: 1, text: listenersYaml([{ id: 'L' }]) },
        });
        const h = (await hover) as { contents: { value: string } };
        assert.match(h.contents.value, /docs\.aws\.amazon\.com/);
      } finally {
        conn.dispose();
        child.kill();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
