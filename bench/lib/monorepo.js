'use strict';
// B8's workspace: 5,000 files shaped like a monorepo's, where CloudFormation templates are a
// minority of the YAML and JSON. Templates are copies of the corpus templates; the rest are
// real package metadata from node_modules (package.json and friends) and generated files of
// the kinds such a repository holds: CI workflows, Kubernetes manifests, Compose files, Helm
// values, OpenAPI specs, Serverless Framework services (their `resources:` carry
// CloudFormation, but the file is not a template), buildspecs, locale strings, tool configs.
// Deterministic: a seeded generator and sorted inputs.
const fs = require('fs');
const path = require('path');
const { ROOT, corpusFiles } = require('./corpus');

const TOTAL = 5000;
const TEMPLATES = 500;

/** Mulberry32: a small seeded generator, so every run lints the same workspace. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'alpha beta gamma delta orders billing users search catalog payments inventory auth gateway reports media notify audit'.split(' ');

const GENERATORS = [
  [
    '.github/workflows',
    'yml',
    (r, pick, n) => {
      const jobs = Array.from(
        { length: 1 + n(4) },
        (_, i) =>
          `  ${pick(WORDS)}-${i}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n          cache: npm\n      - run: npm ci\n      - run: npm run ${pick(['test', 'build', 'lint'])} -- --workspace ${pick(WORDS)}\n`,
      ).join('');
      return `name: ${pick(WORDS)} CI\non:\n  push:\n    branches: [main]\n  pull_request:\npermissions:\n  contents: read\njobs:\n${jobs}`;
    },
  ],
  [
    'deploy/k8s',
    'yaml',
    (r, pick, n) => {
      const app = pick(WORDS);
      return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  labels:\n    app: ${app}\nspec:\n  replicas: ${1 + n(5)}\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: ${app}\n          image: registry.example.com/${app}:${n(100)}.${n(10)}\n          ports:\n            - containerPort: ${8000 + n(100)}\n          resources:\n            limits:\n              cpu: ${100 * (1 + n(8))}m\n              memory: ${128 * (1 + n(8))}Mi\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    app: ${app}\n  ports:\n    - port: 443\n      targetPort: ${8000 + n(100)}\n`;
    },
  ],
  [
    'services',
    'yml',
    (r, pick, n) => {
      const svc = pick(WORDS);
      return `services:\n  ${svc}:\n    build: ./${svc}\n    ports:\n      - "${3000 + n(1000)}:3000"\n    environment:\n      NODE_ENV: development\n      DB_HOST: db\n    depends_on:\n      - db\n  db:\n    image: postgres:${14 + n(4)}\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data: {}\n`;
    },
  ],
  [
    'charts',
    'yaml',
    (r, pick, n) => {
      const lines = Array.from(
        { length: 10 + n(60) },
        (_, i) => `${pick(WORDS)}${i}:\n  enabled: ${r() < 0.5}\n  replicas: ${1 + n(4)}\n  image: "${pick(WORDS)}:${n(20)}"\n`,
      );
      return `# Default values for the chart.\n${lines.join('')}`;
    },
  ],
  [
    'api',
    'yaml',
    (r, pick, n) => {
      const paths = Array.from({ length: 3 + n(25) }, () => {
        const w = pick(WORDS);
        return `  /${w}/{id}:\n    get:\n      summary: Get one ${w}\n      tags: [Resources]\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: string\n      responses:\n        '200':\n          description: The ${w}\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/${w}'\n`;
      });
      return `openapi: 3.0.3\ninfo:\n  title: ${pick(WORDS)} API\n  version: 1.${n(20)}.0\npaths:\n${paths.join('')}`;
    },
  ],
  [
    'functions',
    'yml',
    (r, pick) => {
      const svc = pick(WORDS);
      return `service: ${svc}\nframeworkVersion: '3'\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  region: eu-west-1\nfunctions:\n  handler:\n    handler: src/${svc}.handler\n    events:\n      - httpApi:\n          path: /${svc}\n          method: get\nresources:\n  Resources:\n    ${svc[0].toUpperCase()}${svc.slice(1)}Table:\n      Type: AWS::DynamoDB::Table\n      Properties:\n        BillingMode: PAY_PER_REQUEST\n        AttributeDefinitions:\n          - AttributeName: id\n            AttributeType: S\n        KeySchema:\n          - AttributeName: id\n            KeyType: HASH\n`;
    },
  ],
  [
    'ci',
    'yml',
    (r, pick) =>
      `version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 20\n  build:\n    commands:\n      - npm ci\n      - npm run build --workspace ${pick(WORDS)}\nartifacts:\n  files:\n    - '**/*'\n  base-directory: dist\n`,
  ],
  [
    'locales',
    'json',
    (r, pick, n) => {
      const o = {};
      for (let i = 0; i < 20 + n(300); i++) o[`${pick(WORDS)}.${pick(WORDS)}.${i}`] = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`;
      return JSON.stringify(o, null, 2) + '\n';
    },
  ],
  [
    'config',
    'json',
    (r, pick, n) =>
      JSON.stringify(
        {
          extends: './tsconfig.base.json',
          compilerOptions: { outDir: 'dist', rootDir: 'src', strict: true, target: 'ES2022', module: 'commonjs' },
          include: ['src'],
          references: Array.from({ length: n(5) }, () => ({ path: `../${pick(WORDS)}` })),
        },
        null,
        2,
      ) + '\n',
  ],
];

/** Real package metadata shipped in node_modules (package.json and the like), sorted; none over 1 MB. */
function packageJsonFiles(limit) {
  const out = [];
  const walk = (dir, depth) => {
    if (out.length >= limit * 4 || depth > 4) return;
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (e.isFile() && /\.json$/.test(e.name) && fs.statSync(full).size < 1048576) out.push(full);
    }
  };
  walk(path.join(ROOT, 'node_modules'), 0);
  return out.slice(0, limit);
}

/**
 * Writes the workspace into `dir` (emptied first); returns what is in it. The templates go under
 * infra/, each corpus template used in turn.
 */
function writeMonorepo(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  const r = rng(20261204);
  const n = (k) => Math.floor(r() * k);
  const pick = (xs) => xs[n(xs.length)];
  const write = (rel, text) => {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  };
  const corpus = corpusFiles().filter((f) => /Resources|AWSTemplateFormatVersion/.test(fs.readFileSync(f, 'utf8')));
  for (let i = 0; i < TEMPLATES; i++) {
    const src = corpus[i % corpus.length];
    write(path.join('infra', `stack-${String(i).padStart(4, '0')}`, path.basename(src)), fs.readFileSync(src));
  }
  const realJson = packageJsonFiles(1500);
  realJson.forEach((src, i) => write(path.join('packages', `pkg-${String(i).padStart(4, '0')}`, path.basename(src)), fs.readFileSync(src)));
  const generated = TOTAL - TEMPLATES - realJson.length;
  for (let i = 0; i < generated; i++) {
    const [folder, ext, gen] = GENERATORS[i % GENERATORS.length];
    write(path.join(folder, `${pick(WORDS)}-${String(i).padStart(4, '0')}.${ext}`), gen(r, pick, n));
  }
  return { files: TOTAL, templateCopies: TEMPLATES, packageMetadata: realJson.length, generated };
}

module.exports = { writeMonorepo, MONOREPO_FILES: TOTAL };
