#!/usr/bin/env node
/*
 * build-spec-index.js — generates the bundled CloudFormation resource specification.
 *
 * Inputs (devDependencies, read from node_modules, no network):
 *   - @aws-cdk/cfnspec/spec/specification.json   the BASE (legacy CFN resource spec, v117, 2023)
 *   - @aws-cdk/cfnspec/spec/cfn-docs.json        doc strings matching the base
 *   - @aws-cdk/aws-service-spec/db.json.gz       newer service spec (registry schemas); merged IN
 *   - rules/src/data/sam-properties.json         current SAM property names (scripts/sam-properties.py,
 *                                                from aws-sam-translator); merged IN as names
 *
 * Outputs (build artefacts, git-ignored):
 *   - rules/generated/spec-index/<Service>.json  compact: property names, kinds, required flags,
 *     one file per service namespace, plus spec-index/index.json (sources, the resource type
 *     names, shared types such as Tag): a lint loads only the services its templates use
 *   - rules/generated/spec-docs/<Service>.json  short doc strings + documentation URL overrides,
 *     one file per service namespace (AWS_EC2.json), so that a hover reads only its own
 *
 * The JSON shapes are documented at the top of rules/src/spec/index.ts (the loader);
 * keep the two in sync. In short:
 *
 *   spec-index/index.json = { "format": 2, "sources": {...}, "resourceTypes": [...],
 *                             "types": { "Tag": {...} } }            (shared types)
 *   spec-index/AWS_EC2.json = {
 *     "resources": { "AWS::X::Y":        { "p": { "<Prop>": "<propRef>" } } },
 *     "types":     { "AWS::X::Y.SubType": { "p": { "<Prop>": "<propRef>" } } }
 *   }
 *   propRef  := ["!"] alt ("|" alt)*          "!" = required; "|" separates union alternatives
 *   alt      := ("[" | "{")* atom              "[" = list of, "{" = map (string keys) of
 *   atom     := "S" String | "I" Integer | "L" Long | "D" Double | "B" Boolean
 *             | "T" Timestamp | "J" Json
 *             | "." LocalName   complex type "<ownerResourceType>.<LocalName>"
 *             | "@" FullName    complex type with that full name (e.g. "@Tag")
 *
 * Merge (cfnspec is the base; the service spec only ADDS):
 *   - resource types missing from the base are added whole;
 *   - properties missing from a base resource / property type are added;
 *   - nested types are aligned by following the same property in both specs (so a type the
 *     service spec renamed still receives its new properties), falling back to the type name;
 *   - for properties present in both, the base kind is kept; unless the base is Json, the
 *     service spec's extra alternatives are appended as a union (Integer -> Integer|Double,
 *     String -> String|[String], an extra SAM event type, ...). The required flag is AND-ed
 *     (a requirement the newer spec relaxed is dropped, to avoid false "missing" reports);
 *   - nothing is removed (base-only resources/properties stay).
 *
 * Deterministic (sorted keys, no timestamps) and idempotent: files are only rewritten when
 * their content changes, via write-to-temp + rename.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'rules', 'generated');
const INDEX_DIR = path.join(OUT_DIR, 'spec-index');
const DOCS_DIR = path.join(OUT_DIR, 'spec-docs');
const SAM_PROPERTIES_FILE = path.join(ROOT, 'rules', 'src', 'data', 'sam-properties.json');

/** Base of the CloudFormation user guide; doc "u" values that are not absolute are relative to it. */
const DOC_BASE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/';
/** Longest doc string kept (characters); longer first sentences are cut at a word boundary. */
const MAX_DOC = 280;

/** Doc strings neither source has (the global Tag type is builtin in the service spec). */
const EXTRA_DOCS = {
  Tag: 'A key-value pair to associate with a resource.',
  'Tag.Key': 'The key name of the tag.',
  'Tag.Value': 'The value for the tag.',
};

const PRIM = {
  String: 'S',
  Integer: 'I',
  Long: 'L',
  Double: 'D',
  Boolean: 'B',
  Timestamp: 'T',
  Json: 'J',
};
const SS_PRIM = {
  string: 'S',
  integer: 'I',
  number: 'D',
  boolean: 'B',
  json: 'J',
  'date-time': 'T',
};

function resolveFrom(request) {
  return require.resolve(request, { paths: [ROOT] });
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function uniq(arr) {
  return [...new Set(arr)];
}

// ---------------------------------------------------------------------------------------------
// Documentation URL conventions. MUST match conventionalPageUrl/conventionalAnchor in
// rules/src/spec/index.ts: only URLs that differ from the convention are stored.
// ---------------------------------------------------------------------------------------------
const NAME_RE = /^([A-Za-z0-9]+)::([A-Za-z0-9]+)::([A-Za-z0-9]+)(?:\.([A-Za-z0-9]+))?$/;

function conventionalPage(name) {
  const m = NAME_RE.exec(name);
  if (!m) return undefined;
  const svc = m[2].toLowerCase();
  const res = m[3].toLowerCase();
  return m[4] ? `aws-properties-${svc}-${res}-${m[4].toLowerCase()}.html` : `aws-resource-${svc}-${res}.html`;
}

function conventionalAnchor(name, prop) {
  const m = NAME_RE.exec(name);
  if (!m) return undefined;
  const parts = ['cfn', m[2], m[3]];
  if (m[4]) parts.push(m[4]);
  parts.push(prop);
  return parts.join('-').toLowerCase();
}

function normalizeUrl(u) {
  if (typeof u !== 'string' || !u) return '';
  return u.replace(/^http:\/\/docs\.aws\.amazon\.com\//, 'https://docs.aws.amazon.com/');
}

/** Absolute page URL -> stored form (relative to DOC_BASE when possible). */
function relPage(abs) {
  return abs.startsWith(DOC_BASE) ? abs.slice(DOC_BASE.length) : abs;
}

// ---------------------------------------------------------------------------------------------
// Short doc strings
// ---------------------------------------------------------------------------------------------
const ABBREV_RE = /(?:\be\.g|\bi\.e|\betc|\bvs|\bapprox|\bNo|\bno|\bex|\bInc|\bSt|\bMr|\bDr|\bU\.S)\.$/;

function firstSentenceEnd(t, from) {
  const re = /[.!?](?=\s|$)/g;
  re.lastIndex = from;
  let m;
  while ((m = re.exec(t))) {
    const end = m.index + 1;
    if (ABBREV_RE.test(t.slice(Math.max(0, end - 6), end))) continue;
    // a single capital letter + "." is probably an initial / enum, e.g. "Type A." is fine, "U.S." not
    return end;
  }
  return t.length;
}

function shortDoc(md) {
  if (typeof md !== 'string') return '';
  let t = md.replace(/\r/g, '').trim();
  if (!t || /^https?:\/\/\S+$/.test(t)) return ''; // some SAM entries carry just a URL
  // first paragraph that is not a note/callout heading
  const paras = t
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  t = paras[0] || '';
  t = t
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url) -> text
    .replace(/<[^>]+>/g, '') // stray html tags
    .replace(/\s+/g, ' ')
    .trim();
  let end = firstSentenceEnd(t, 0);
  // a very short first sentence ("The name.") says little: take the next one too
  if (end < 50 && end < t.length) {
    const end2 = firstSentenceEnd(t, end + 1);
    if (end2 <= MAX_DOC) end = end2;
  }
  t = t.slice(0, end).trim();
  if (t.length > MAX_DOC) {
    const cut = t.lastIndexOf(' ', MAX_DOC - 1);
    t = t.slice(0, cut > MAX_DOC / 2 ? cut : MAX_DOC - 1).replace(/[\s,;:(]+$/, '') + '…';
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
function main() {
  const t0 = Date.now();
  const specFile = resolveFrom('@aws-cdk/cfnspec/spec/specification.json');
  const cfnDocsFile = resolveFrom('@aws-cdk/cfnspec/spec/cfn-docs.json');
  const dbFile = resolveFrom('@aws-cdk/aws-service-spec/db.json.gz');
  const cfnspecVersion = readJson(resolveFrom('@aws-cdk/cfnspec/package.json')).version;
  const serviceSpecVersion = readJson(resolveFrom('@aws-cdk/aws-service-spec/package.json')).version;

  const cfn = readJson(specFile);
  const cfnDocs = readJson(cfnDocsFile).Types || {};
  const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(dbFile)).toString('utf8')).schema;

  const stats = {
    cfnResources: 0,
    cfnTypes: 0,
    cfnAliasTypesInlined: 0,
    cfnDanglingTypeRefs: 0,
    ssResources: 0,
    ssTypeDefinitions: 0,
    resourcesAdded: 0,
    typesAdded: 0,
    propsAddedToBaseResources: 0,
    propsAddedToBaseTypes: 0,
    propsInAddedResources: 0,
    propsInAddedTypes: 0,
    typesAlignedByPropertyRenamed: 0,
    requiredRelaxed: 0,
    kindConflicts: 0,
    kindsWidened: 0,
    baseOnlyResources: [],
    ssDeprecatedIgnoredSkipped: 0,
    samResourcesAdded: 0,
    samPropsAdded: 0,
  };
  const conflictExamples = [];

  /** @type {Map<string, Map<string, {alts: string[], required: boolean}>>} */
  const resources = new Map();
  /** @type {Map<string, Map<string, {alts: string[], required: boolean}>>} */
  const types = new Map();
  /** where each container came from: 'cfn' | 'ss' */
  const origin = new Map();

  // ---- 1. base: cfnspec ------------------------------------------------------------------
  const cfnTypes = cfn.PropertyTypes || {};

  /** cfnspec type reference (ItemType/Type) -> alt strings; aliases are inlined. */
  function cfnRef(name, owner, depth) {
    const local = `${owner}.${name}`;
    const def = cfnTypes[local] || cfnTypes[name];
    const full = cfnTypes[local] ? local : cfnTypes[name] ? name : undefined;
    if (!def) {
      stats.cfnDanglingTypeRefs++;
      return ['J'];
    }
    if (!def.Properties) {
      // alias type (a list or primitive under a type name): inline it
      if (depth > 5) return ['J'];
      stats.cfnAliasTypesInlined++;
      return cfnAlts(def, owner, depth + 1);
    }
    return ['#' + full];
  }

  function cfnAlts(p, owner, depth = 0) {
    const alts = [];
    const prim = (x) => PRIM[x] || 'J';
    if (p.PrimitiveType) alts.push(prim(p.PrimitiveType));
    for (const x of p.PrimitiveTypes || []) alts.push(prim(x));
    if (p.Type === 'List' || p.Type === 'Map') {
      const c = p.Type === 'List' ? '[' : '{';
      if (p.PrimitiveItemType) alts.push(c + prim(p.PrimitiveItemType));
      if (p.ItemType) for (const a of cfnRef(p.ItemType, owner, depth)) alts.push(c + a);
      for (const x of p.PrimitiveItemTypes || []) alts.push(c + prim(x));
      for (const x of p.ItemTypes || []) for (const a of cfnRef(x, owner, depth)) alts.push(c + a);
    } else {
      if (p.Type) alts.push(...cfnRef(p.Type, owner, depth));
      for (const x of p.PrimitiveItemTypes || []) alts.push('[' + prim(x));
      for (const x of p.ItemTypes || []) for (const a of cfnRef(x, owner, depth)) alts.push('[' + a);
    }
    for (const x of p.Types || []) alts.push(...cfnRef(x, owner, depth));
    for (const x of p.InclusivePrimitiveItemTypes || []) alts.push('[' + prim(x));
    for (const x of p.InclusiveItemTypes || []) for (const a of cfnRef(x, owner, depth)) alts.push('[' + a);
    const out = uniq(alts);
    return out.length ? out : ['J'];
  }

  function cfnProps(def, owner) {
    const m = new Map();
    for (const [name, p] of Object.entries(def.Properties || {})) {
      m.set(name, { alts: cfnAlts(p, owner), required: p.Required === true });
    }
    return m;
  }

  for (const [rt, def] of Object.entries(cfn.ResourceTypes || {})) {
    resources.set(rt, cfnProps(def, rt));
    origin.set(rt, 'cfn');
    stats.cfnResources++;
  }
  for (const [full, def] of Object.entries(cfnTypes)) {
    if (!def.Properties) continue; // aliases are inlined at their use sites
    const owner = full.includes('.') ? full.slice(0, full.indexOf('.')) : '';
    types.set(full, cfnProps(def, owner));
    origin.set(full, 'cfn');
    stats.cfnTypes++;
  }

  // ---- 2. merge: service spec -------------------------------------------------------------
  const ssResources = db.resource.entities;
  const tdById = new Map(db.typeDefinition.entities.map((t) => [t.$id, t]));
  stats.ssResources = ssResources.length;
  stats.ssTypeDefinitions = tdById.size;
  const resById = new Map(ssResources.map((r) => [r.$id, r]));
  const ownerOf = new Map(); // typedef id -> owning resource cloudFormationType
  for (const [rid, rels] of Object.entries(db.usesType.forward)) {
    const r = resById.get(rid);
    if (!r) continue;
    for (const rel of rels) if (!ownerOf.has(rel.$id)) ownerOf.set(rel.$id, r.cloudFormationType);
  }

  const ownerOfName = (full) => (full.includes('.') ? full.slice(0, full.indexOf('.')) : '');

  function ssFullName(id) {
    const td = tdById.get(id);
    const owner = ownerOf.get(id);
    if (!td || !owner) return undefined;
    return `${owner}.${td.name}`;
  }

  function ssAlts(t) {
    if (!t || typeof t !== 'object') return ['J'];
    switch (t.type) {
      case 'array':
        return ssAlts(t.element).map((a) => '[' + a);
      case 'map':
        return ssAlts(t.element).map((a) => '{' + a);
      case 'union':
        return uniq((t.types || []).flatMap(ssAlts));
      case 'tag':
        return ['#Tag'];
      case 'ref': {
        const full = ssFullName(t.reference && t.reference.$ref);
        return full ? ['#' + full] : ['J'];
      }
      case 'null':
        return [];
      default:
        return [SS_PRIM[t.type] || 'J'];
    }
  }

  function ssRefIds(t, out = []) {
    if (!t || typeof t !== 'object') return out;
    if (t.type === 'ref' && t.reference) out.push(t.reference.$ref);
    if (t.element) ssRefIds(t.element, out);
    for (const x of t.types || []) ssRefIds(x, out);
    return out;
  }

  const complexOf = (alts) =>
    uniq(
      alts
        .map((a) => a.replace(/^[[{]+/, ''))
        .filter((a) => a.startsWith('#'))
        .map((a) => a.slice(1)),
    );
  const shapeOf = (alts) =>
    alts
      .map((a) => a.replace(/#.*$/, '#'))
      .sort()
      .join('|');

  /** container full name -> service-spec property maps aligned with it (for docs) */
  const ssDocSources = new Map();
  /** container full name -> service-spec doc string of the container itself */
  const ssContainerDoc = new Map();
  const alignedPairs = new Set();

  function noteDocSource(full, ssProps, doc) {
    if (!ssDocSources.has(full)) ssDocSources.set(full, []);
    ssDocSources.get(full).push(ssProps);
    if (doc && !ssContainerDoc.has(full)) ssContainerDoc.set(full, doc);
  }

  function ensureType(id) {
    const full = ssFullName(id);
    if (!full) return;
    if (!types.has(full)) {
      types.set(full, new Map());
      origin.set(full, 'ss');
      stats.typesAdded++;
    }
    align(full, id);
  }

  function align(full, id) {
    const key = `${full}\u0000${id}`;
    if (alignedPairs.has(key)) return;
    alignedPairs.add(key);
    const target = types.get(full);
    const td = tdById.get(id);
    if (!target || !td) return;
    noteDocSource(full, td.properties || {}, td.documentation);
    mergeProps(target, td.properties || {}, full);
  }

  function mergeProps(target, ssProps, containerName) {
    const isResource = resources.get(containerName) === target;
    const fromBase = origin.get(containerName) === 'cfn';
    for (const name of Object.keys(ssProps).sort()) {
      const sp = ssProps[name];
      if (sp.deprecated === 'IGNORE') {
        stats.ssDeprecatedIgnoredSkipped++;
        continue;
      }
      const alts = ssAlts(sp.type);
      const ids = ssRefIds(sp.type);
      const existing = target.get(name);
      if (!existing) {
        target.set(name, { alts: alts.length ? alts : ['J'], required: sp.required === true });
        if (fromBase) stats[isResource ? 'propsAddedToBaseResources' : 'propsAddedToBaseTypes']++;
        else stats[isResource ? 'propsInAddedResources' : 'propsInAddedTypes']++;
        for (const id of ids) ensureType(id);
        continue;
      }
      if (existing.required && sp.required !== true) {
        existing.required = false;
        stats.requiredRelaxed++;
      }
      const baseComplex = complexOf(existing.alts);
      const alignedIds = new Set();
      for (const id of ids) {
        if (baseComplex.includes(ssFullName(id))) {
          align(ssFullName(id), id);
          alignedIds.add(id);
        }
      }
      if (!alignedIds.size && baseComplex.length === 1 && types.has(baseComplex[0])) {
        // same property, differently named type(s) in the service spec: follow the property,
        // but never into a type of another owner (e.g. the global "Tag")
        for (const id of ids) {
          if (ownerOfName(baseComplex[0]) !== ownerOf.get(id)) continue;
          stats.typesAlignedByPropertyRenamed++;
          align(baseComplex[0], id);
          alignedIds.add(id);
        }
      }
      if (fromBase && alts.length && shapeOf(existing.alts) !== shapeOf(alts)) {
        // e.g. base Json vs. service-spec object, Integer vs. Double, list vs. single
        stats.kindConflicts++;
        if (conflictExamples.length < (process.env.SPEC_INDEX_VERBOSE ? 1e9 : 12)) {
          conflictExamples.push(`${containerName}.${name}: base ${existing.alts.join('|')} vs service-spec ${alts.join('|')}`);
        }
      }
      // Widen the base kind with the service spec's extra alternatives, unless the base already
      // accepts anything (Json). Service-spec types aligned with a base type above are not
      // added again.
      if (!existing.alts.includes('J')) {
        let widened = false;
        for (const a of alts) {
          if (existing.alts.includes(a)) continue;
          const full = complexOf([a])[0];
          const id = full ? ids.find((x) => ssFullName(x) === full) : undefined;
          if (id && alignedIds.has(id)) continue;
          existing.alts.push(a);
          widened = true;
          if (id) ensureType(id);
        }
        if (widened) stats.kindsWidened++;
      }
    }
  }

  for (const r of [...ssResources].sort((a, b) => (a.cloudFormationType < b.cloudFormationType ? -1 : 1))) {
    const rt = r.cloudFormationType;
    if (!resources.has(rt)) {
      resources.set(rt, new Map());
      origin.set(rt, 'ss');
      stats.resourcesAdded++;
    }
    noteDocSource(rt, r.properties || {}, r.documentation);
    mergeProps(resources.get(rt), r.properties || {}, rt);
  }
  const ssTypeNames = new Set(ssResources.map((r) => r.cloudFormationType));
  stats.baseOnlyResources = [...resources.keys()].filter((rt) => !ssTypeNames.has(rt)).sort();

  // ---- 3. encode index --------------------------------------------------------------------
  function encodeAlt(a, owner) {
    const m = /^([[{]*)(.*)$/.exec(a);
    const coll = m[1];
    const atom = m[2];
    if (!atom.startsWith('#')) return coll + atom;
    const full = atom.slice(1);
    if (owner && full.startsWith(owner + '.') && !full.slice(owner.length + 1).includes('.')) {
      return coll + '.' + full.slice(owner.length + 1);
    }
    return coll + '@' + full;
  }

  function encodeProps(props, owner) {
    const out = {};
    for (const name of [...props.keys()].sort()) {
      const p = props.get(name);
      out[name] = (p.required ? '!' : '') + p.alts.map((a) => encodeAlt(a, owner)).join('|');
    }
    return out;
  }

  // ---- 3b. SAM: the property names of the SAM translator's schema --------------------------
  // Both specifications carry a 2023 snapshot of SAM; rules/src/data/sam-properties.json is the
  // current one (scripts/sam-properties.py). Names only, added as Json (their shapes unchecked).
  const sam = readJson(SAM_PROPERTIES_FILE);
  for (const [rt, names] of Object.entries(sam.resources)) {
    let props = resources.get(rt);
    if (!props) {
      resources.set(rt, (props = new Map()));
      stats.samResourcesAdded++;
    }
    for (const name of names) {
      if (props.has(name)) continue;
      props.set(name, { alts: ['J'], required: false });
      stats.samPropsAdded++;
    }
  }

  // referential integrity: every complex atom must name a type in the index
  let danglingOut = 0;
  for (const props of [...resources.values(), ...types.values()]) {
    for (const p of props.values()) for (const c of complexOf(p.alts)) if (!types.has(c)) danglingOut++;
  }

  const index = {
    format: 1,
    sources: {
      cfnspec: `@aws-cdk/cfnspec@${cfnspecVersion} (ResourceSpecificationVersion ${cfn.ResourceSpecificationVersion})`,
      serviceSpec: `@aws-cdk/aws-service-spec@${serviceSpecVersion}`,
      sam: sam.source,
    },
    resources: {},
    types: {},
  };
  for (const rt of [...resources.keys()].sort()) index.resources[rt] = { p: encodeProps(resources.get(rt), rt) };
  for (const full of [...types.keys()].sort()) index.types[full] = { p: encodeProps(types.get(full), ownerOfName(full)) };

  // ---- 4. docs ----------------------------------------------------------------------------
  function cfnDef(full) {
    return full.includes('.') || full === 'Tag' ? cfnTypes[full] : (cfn.ResourceTypes || {})[full];
  }

  let docTexts = 0;
  let urlOverrides = 0;
  function docsEntry(full, props) {
    const entry = {};
    const base = cfnDef(full);
    const cfnDoc = cfnDocs[full] || {};
    const text = shortDoc(ssContainerDoc.get(full)) || shortDoc(cfnDoc.description) || EXTRA_DOCS[full] || '';
    if (text) {
      entry.d = text;
      docTexts++;
    }
    const conv = conventionalPage(full);
    const actualPage = base ? normalizeUrl(base.Documentation) : '';
    let page = conv ? DOC_BASE + conv : '';
    if (base && actualPage !== page) {
      entry.u = relPage(actualPage); // '' = no page
      page = actualPage;
      urlOverrides++;
    }
    const ssSources = ssDocSources.get(full) || [];
    const p = {};
    for (const name of [...props.keys()].sort()) {
      let ptext = '';
      for (const src of ssSources) {
        if (src[name] && src[name].documentation) {
          ptext = shortDoc(src[name].documentation);
          if (ptext) break;
        }
      }
      if (!ptext && cfnDoc.properties) ptext = shortDoc(cfnDoc.properties[name]);
      if (!ptext) ptext = EXTRA_DOCS[`${full}.${name}`] || '';
      let pu;
      const baseProp = base && base.Properties && base.Properties[name];
      if (baseProp) {
        const actual = normalizeUrl(baseProp.Documentation);
        const anchor = conventionalAnchor(full, name);
        const expected = page && anchor ? `${page}#${anchor}` : '';
        if (actual !== expected) {
          pu = page && actual.startsWith(page + '#') ? actual.slice(page.length + 1) : actual;
          urlOverrides++;
        }
      }
      if (ptext) docTexts++;
      if (pu !== undefined) p[name] = ptext ? { d: ptext, u: pu } : { u: pu };
      else if (ptext) p[name] = ptext;
    }
    if (Object.keys(p).length) entry.p = p;
    return Object.keys(entry).length ? entry : undefined;
  }

  const docs = { format: 1, base: DOC_BASE, resources: {}, types: {} };
  for (const rt of [...resources.keys()].sort()) {
    const e = docsEntry(rt, resources.get(rt));
    if (e) docs.resources[rt] = e;
  }
  for (const full of [...types.keys()].sort()) {
    const e = docsEntry(full, types.get(full));
    if (e) docs.types[full] = e;
  }

  // ---- 5. write ---------------------------------------------------------------------------
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.rmSync(path.join(OUT_DIR, 'spec-index.json'), { force: true }); // format 1, one file
  const results = [writeIndexByService(index), writeDocsByService(docs)];

  let propCount = 0;
  for (const props of [...resources.values(), ...types.values()]) propCount += props.size;

  const ms = Date.now() - t0;
  const fmt = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const log = (s) => process.stdout.write(s + '\n');
  log(`build-spec-index: ${index.sources.cfnspec} + ${index.sources.serviceSpec}`);
  log(
    `  base (cfnspec): ${stats.cfnResources} resource types, ${stats.cfnTypes} property types (${stats.cfnAliasTypesInlined} alias refs inlined, ${stats.cfnDanglingTypeRefs} dangling refs -> Json)`,
  );
  log(`  service spec:   ${stats.ssResources} resource types, ${stats.ssTypeDefinitions} type definitions`);
  log(
    `  merged in:      +${stats.resourcesAdded} resource types (${stats.propsInAddedResources} props), +${stats.typesAdded} property types (${stats.propsInAddedTypes} props)`,
  );
  log(`                  +${stats.propsAddedToBaseResources} props on base resource types, +${stats.propsAddedToBaseTypes} props on base property types`);
  log(
    `                  ${stats.typesAlignedByPropertyRenamed} renamed types aligned via their property, ${stats.requiredRelaxed} required flags relaxed, ${stats.kindConflicts} kind differences (${stats.kindsWidened} widened with service-spec alternatives, rest base kept)`,
  );
  if (stats.baseOnlyResources.length) log(`  only in base:   ${stats.baseOnlyResources.join(', ')}`);
  if (danglingOut) log(`  WARNING: ${danglingOut} references to types missing from the index`);
  log(
    `  total:          ${resources.size} resource types, ${types.size} property types, ${propCount} properties; ${docTexts} doc strings, ${urlOverrides} URL overrides`,
  );
  for (const r of results) log(`  ${path.relative(ROOT, r.file)}: ${fmt(r.size)} (gzip ${fmt(r.gzip)})${r.changed ? '' : ' [unchanged]'}`);
  log(`  done in ${ms} ms`);
  if (process.env.SPEC_INDEX_VERBOSE) {
    log('  kind conflict examples:\n    ' + conflictExamples.join('\n    '));
  }
}

/** The service namespace a doc entry belongs to (`AWS::EC2::Instance.Ebs` -> `AWS::EC2`); undefined for shared types (`Tag`). */
function serviceOf(name) {
  const parts = name.split('.')[0].split('::');
  return parts.length >= 3 ? `${parts[0]}::${parts[1]}` : undefined;
}

/**
 * The index as one file per service (`AWS_EC2.json`, a few KB to 150 KB): a lint parses the
 * services its templates use instead of the whole 1.7 MB at start-up. index.json holds what
 * every query may need: the sources, the resource type names and the shared types (`Tag`).
 */
function writeIndexByService(index) {
  const head = { format: 2, sources: index.sources, resourceTypes: Object.keys(index.resources).sort(), types: {} };
  const files = splitByService(index, () => ({ resources: {}, types: {} }), head.types);
  files.set('index', head);
  return writeFiles(INDEX_DIR, files);
}

/**
 * The docs as one file per service (`AWS_EC2.json`): hover loads the file of the resource it is
 * on (tens of KB) instead of every service's (about 5 MB). Shared types go into every file.
 */
function writeDocsByService(docs) {
  const shared = {};
  const files = splitByService(docs, () => ({ format: docs.format, base: docs.base, resources: {}, types: {} }), shared);
  for (const f of files.values()) Object.assign(f.types, shared);
  return writeFiles(DOCS_DIR, files);
}

/** `{resources, types}` split by service namespace into `fresh()` objects; types of no service go into `shared`. */
function splitByService(all, fresh, shared) {
  const files = new Map();
  const fileFor = (service) => {
    let f = files.get(service);
    if (!f) files.set(service, (f = fresh()));
    return f;
  };
  for (const [name, e] of Object.entries(all.resources)) fileFor(serviceOf(name) ?? name).resources[name] = e;
  for (const [name, e] of Object.entries(all.types)) {
    const service = serviceOf(name);
    if (service) fileFor(service).types[name] = e;
    else shared[name] = e;
  }
  return files;
}

/** One `<Service>.json` per entry of `files` (`AWS::EC2` -> `AWS_EC2.json`); stale files removed. */
function writeFiles(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  const wanted = new Set();
  const results = [];
  for (const [service, f] of files) {
    const file = path.join(dir, `${service.replace(/::/g, '_')}.json`);
    wanted.add(path.basename(file));
    results.push(writeIfChanged(file, JSON.stringify(f)));
  }
  for (const old of fs.readdirSync(dir)) if (!wanted.has(old)) fs.rmSync(path.join(dir, old));
  const size = results.reduce((n, r) => n + r.size, 0);
  const gzip = results.reduce((n, r) => n + r.gzip, 0);
  return { file: `${dir}${path.sep}*.json (${results.length} files)`, size, gzip, changed: results.some((r) => r.changed) };
}

function writeIfChanged(file, content) {
  const buf = Buffer.from(content + '\n', 'utf8');
  let changed = true;
  try {
    changed = !fs.readFileSync(file).equals(buf);
  } catch {
    /* missing */
  }
  if (changed) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, file);
  }
  return { file, size: buf.length, gzip: zlib.gzipSync(buf).length, changed };
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`build-spec-index: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  }
}

/** In-process use (e.g. from scripts/build.js): `require('./build-spec-index').buildSpecIndex()`. */
module.exports = { buildSpecIndex: main, shortDoc, conventionalPage, conventionalAnchor };
