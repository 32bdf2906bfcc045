#!/usr/bin/env node
// Reads a trace file with the real speedscope importer, headless, in plain
// node, and prints as JSON on stdout what speedscope read from it.
//
//   npm ci --prefix tests/trace            (once; needs the npm registry)
//   node tests/trace/read-speedscope.mjs FILE.json
//
// speedscope (npm package "speedscope", version pinned in package.json here)
// ships only its web app: one minified browser bundle, dist/release/
// speedscope-*.js, named by dist/release/index.html. We evaluate that bundle
// unchanged in a node:vm context with a few browser globals stubbed. Its
// importer module (src/import/index.ts) is kept inside the bundle's closure,
// so to reach it we watch Object.defineProperty while the bundle runs: the
// bundler defines the module's exports by their source names
// (importProfilesFromArrayBuffer, ...) as getters on a namespace object, and
// we keep that object. Then we do what the app does with a dropped file:
// importProfilesFromArrayBuffer(fileName, bytes), refuse a null result
// ("Unrecognized format") or an empty group, demangle, and walk each profile
// with the Profile API (getName, getWeightUnit, getTotalWeight, forEachCall).
// The bundle ends by mounting the UI into document.body; there is no DOM here,
// so that last statement throws and is ignored. A built-in self-test import of
// a one-event trace tells a broken harness apart from a refused file.
//
// Output: {speedscope, file, importedAs, name, indexToView,
//          profiles: [{name, unit, totalWeight,
//                      spans: [{name, start, end, dur, depth}]}],
//          messages: [{level, text}]}
// Times are speedscope's own: in the trace's unit (microseconds for this
// format) and rebased per profile, so each profile's first event starts at 0.
// Spans are listed in the order speedscope opens them.
//
// Exit status: 0 read; 1 speedscope refused the file (or it could not be
// read); 2 usage error or the harness could not drive speedscope.

import fs from 'node:fs'
import path from 'node:path'
import util from 'node:util'
import vm from 'node:vm'
import {createRequire} from 'node:module'

const EXPORT = 'importProfilesFromArrayBuffer'

function die(code, msg) {
  process.stderr.write(`read-speedscope: ${msg}\n`)
  process.exit(code)
}

const args = process.argv.slice(2)
if (args.length !== 1 || args[0].startsWith('-'))
  die(2, 'usage: node read-speedscope.mjs FILE.json')
const file = args[0]

// ---- locate the installed package and its bundle
const require = createRequire(import.meta.url)
let pkgJson
try {
  pkgJson = require.resolve('speedscope/package.json')
} catch {
  die(2, `speedscope is not installed: run npm ci --prefix ${path.relative(process.cwd(), path.dirname(new URL(import.meta.url).pathname)) || '.'}`)
}
const pkgDir = path.dirname(pkgJson)
const version = JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version
const releaseDir = path.join(pkgDir, 'dist', 'release')
const html = fs.readFileSync(path.join(releaseDir, 'index.html'), 'utf8')
const m = /<script[^>]*\bsrc="([^"]+\.js)"/.exec(html)
if (!m) die(2, `no <script src> in ${releaseDir}/index.html (speedscope ${version})`)
const bundlePath = path.join(releaseDir, m[1])
const bundle = fs.readFileSync(bundlePath, 'utf8')

// ---- a small browser-like global for the bundle
let messages = []
const record = level => (...a) => messages.push({level, text: util.format(...a)})
const sandbox = {
  console: {
    log: record('log'), info: record('info'), debug: record('debug'),
    warn: record('warn'), error: record('error'), trace: record('trace'),
    assert: (c, ...a) => { if (!c) record('assert')(...a) },
    time() {}, timeEnd() {}, timeLog() {}, group() {}, groupEnd() {},
  },
  TextDecoder, TextEncoder, URL, atob, btoa,
  setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask,
  performance,
  location: {hash: '', search: '', href: 'file:///speedscope/index.html', protocol: 'file:'},
  navigator: {userAgent: 'node', platform: 'node', language: 'en'},
  addEventListener() {}, removeEventListener() {},
  matchMedia: () => ({matches: false, addEventListener() {}, removeEventListener() {},
                      addListener() {}, removeListener() {}}),
  document: {},  // no DOM: only the final UI mount uses it, and that throws
}
sandbox.window = sandbox
sandbox.self = sandbox
const ctx = vm.createContext(sandbox)

// Keep the namespace object on which the bundle defines `EXPORT`.
vm.runInContext(`(() => {
  const define = Object.defineProperty
  globalThis.__restoreDefineProperty = () => { Object.defineProperty = define }
  Object.defineProperty = function (o, k, d) {
    if (k === ${JSON.stringify(EXPORT)} && d && typeof d.get === 'function')
      globalThis.__speedscopeImport = o
    return define.call(this, o, k, d)
  }
})()`, ctx)
let bundleError = null
try {
  vm.runInContext(bundle, ctx, {filename: bundlePath})
} catch (e) {
  bundleError = e  // expected: the UI mount into the missing DOM
}
vm.runInContext('__restoreDefineProperty()', ctx)
const ns = ctx.__speedscopeImport
const why = () => bundleError ? ` (bundle stopped with: ${bundleError.message})` : ''
if (!ns || typeof ns[EXPORT] !== 'function')
  die(2, `no ${EXPORT} found in ${bundlePath} (speedscope ${version})${why()}`)
// The bundle initialises the importer module lazily, from a promise callback.
await new Promise(resolve => setImmediate(resolve))

function toContextArrayBuffer(bytes) {
  const ab = vm.runInContext(`new ArrayBuffer(${bytes.length})`, ctx)
  new Uint8Array(ab).set(bytes)
  return ab
}

// Mirrors Application.loadProfile in speedscope's src/views/application.tsx.
async function load(fileName, bytes) {
  messages = []
  let group
  try {
    group = await ns[EXPORT](fileName, toContextArrayBuffer(bytes))
  } catch (e) {
    return {error: `Failed to load format: ${e && e.stack || e}`}
  }
  if (group == null)
    return {error: 'Unrecognized format! See documentation about supported formats.'}
  if (group.profiles.length === 0)
    return {error: "Successfully imported profile, but it's empty!"}
  for (const p of group.profiles) await p.demangle()
  return {group}
}

function describe(profile) {
  const spans = []
  const open = []
  profile.forEachCall(
    (node, value) => {
      const span = {name: node.frame.name, start: value, end: null, dur: null, depth: open.length}
      spans.push(span)
      open.push(span)
    },
    (node, value) => {
      const span = open.pop()
      span.end = value
      span.dur = value - span.start
    },
  )
  return {
    name: profile.getName(),
    unit: profile.getWeightUnit(),
    totalWeight: profile.getTotalWeight(),
    spans,
  }
}

// ---- self-test: a one-span trace must give one profile with one span
{
  const probe = '[{"ph":"X","name":"probe","pid":1,"tid":1,"ts":0,"dur":1}]'
  const r = await load('probe.json', new TextEncoder().encode(probe))
  const ok = r.group && r.group.profiles.length === 1 &&
    describe(r.group.profiles[0]).spans.map(s => s.name).join() === 'probe'
  if (!ok)
    die(2, `speedscope ${version} could not be driven headlessly: self-test import ` +
        `gave ${r.error || 'an unexpected result'}${why()}`)
}

// ---- the file
let bytes
try {
  bytes = fs.readFileSync(file)
} catch (e) {
  die(1, `cannot read ${file}: ${e.message}`)
}
const r = await load(path.basename(file), bytes)
const importing = messages.map(x => /^Importing as (.*)$/.exec(x.text)).find(Boolean)
if (r.error) {
  for (const x of messages) process.stderr.write(`speedscope ${x.level}: ${x.text}\n`)
  die(1, `speedscope ${version} refused ${file}: ${r.error}`)
}
const out = {
  speedscope: version,
  file,
  importedAs: importing ? importing[1] : null,
  name: r.group.name,
  indexToView: r.group.indexToView,
  profiles: r.group.profiles.map(describe),
  messages,
}
process.stdout.write(pretty(out, '') + '\n')

// JSON, with each object or array of plain values (a span, a message) on one line
function pretty(v, ind) {
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  const items = Array.isArray(v) ? v : Object.values(v)
  if (items.every(x => x === null || typeof x !== 'object')) return JSON.stringify(v)
  const i2 = ind + ' '
  if (Array.isArray(v)) return `[\n${v.map(x => i2 + pretty(x, i2)).join(',\n')}\n${ind}]`
  return `{\n${Object.entries(v).map(([k, x]) => `${i2}${JSON.stringify(k)}: ${pretty(x, i2)}`)
    .join(',\n')}\n${ind}}`
}
