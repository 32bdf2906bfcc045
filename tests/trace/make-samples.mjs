// Writes the hand-made sample traces sample-2x2.json and sample-5x3.json
// (Chrome Trace Event Format, in the shape ptviz writes) next to this file.
// Usage: node tests/trace/make-samples.mjs
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

function sample(P, T) {
  const ev = []
  const sleepUs = 2100000
  for (let p = 1; p <= P; p++) {
    const ospid = 4200 + 100 * p
    ev.push({ph: 'M', name: 'process_name', pid: p, tid: 0, args: {name: `Process-${p}`}})
    ev.push({ph: 'M', name: 'process_sort_index', pid: p, tid: 0, args: {sort_index: p}})
    let end = 0
    for (let t = 1; t <= T; t++) {
      const ostid = ospid + t
      const ts = 100 * p + 20 * t + 0.5
      const dur = 35.25 + t
      ev.push({ph: 'M', name: 'thread_name', pid: p, tid: t, args: {name: `Thread-${t}`}})
      ev.push({ph: 'M', name: 'thread_sort_index', pid: p, tid: t, args: {sort_index: t}})
      ev.push({ph: 'X', name: 'running', cat: 'thread', pid: p, tid: t, ts, dur,
               args: {pid: ospid, tid: ostid}})
      ev.push({ph: 'X', name: 'sleeping', cat: 'thread', pid: p, tid: t, ts: ts + dur, dur: sleepUs,
               args: {planned_us: sleepUs, pid: ospid, tid: ostid}})
      end = Math.max(end, ts + dur + sleepUs)
    }
    ev.push({ph: 'b', cat: 'process', name: `Process-${p}`, id: p, pid: p, tid: 0, ts: 100 * p})
    ev.push({ph: 'e', cat: 'process', name: `Process-${p}`, id: p, pid: p, tid: 0, ts: end + 500})
    if (p === P)
      ev.push({ph: 'i', s: 'p', name: 'killed', pid: p, tid: 0, ts: 900000, args: {signal: 'SIGKILL'}})
  }
  ev.push({ph: 'i', s: 'g', name: 'stopped', pid: 0, tid: 0, ts: 5000})
  return '{"traceEvents":[\n' + ev.map(e => ' ' + JSON.stringify(e)).join(',\n') +
    '\n],"displayTimeUnit":"ms"}\n'
}

for (const [P, T] of [[2, 2], [5, 3]])
  fs.writeFileSync(path.join(here, `sample-${P}x${T}.json`), sample(P, T))
