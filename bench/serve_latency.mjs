// Save-to-reload latency of `guidepost serve`: from writing a source file to the live-reload
// `build` event arriving at a client of the event stream, as an open page receives it.
// Usage: node bench/serve_latency.mjs URL FILE RUNS [edit|touch]
//   edit   append a changing line to FILE's body (one page re-rendered alone)
//   touch  write FILE unchanged (a whole rebuild, e.g. for site.yaml)
// Prints the median, min and max in ms; restores FILE at the end.

import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

const [url, file, runsArg, mode = "edit"] = process.argv.slice(2);
const runs = Number(runsArg || 10);
const original = readFileSync(file, "utf8");

let waiting = null;
const buffered = [];
function onEvent(name, data) {
  if (name !== "build") return;
  if (waiting) {
    const w = waiting;
    waiting = null;
    w(data);
  } else buffered.push(data);
}
function nextBuild(timeoutMs) {
  if (buffered.length) return Promise.resolve(buffered.shift());
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("no build event within " + timeoutMs + " ms")), timeoutMs);
    waiting = (d) => {
      clearTimeout(t);
      resolve(d);
    };
  });
}

const req = http.get(new URL("__guidepost/events", url), (res) => {
  res.setEncoding("utf8");
  let buf = "";
  res.on("data", (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      let name = "", data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) name = line.slice(7);
        else if (line.startsWith("data: ")) data = line.slice(6);
      }
      if (name) onEvent(name, data);
    }
  });
});
req.on("error", (e) => {
  console.error(e);
  process.exit(1);
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const times = [];
try {
  await nextBuild(10000); // the state on connect
  for (let i = 0; i < runs; i++) {
    const text = mode === "touch" ? original : `${original}\n\n基准测试编辑 ${i} ${Date.now()}\n`;
    const t0 = performance.now();
    writeFileSync(file, text);
    await nextBuild(600000);
    times.push(performance.now() - t0);
    await sleep(300);
  }
} finally {
  writeFileSync(file, original);
  req.destroy();
}
times.sort((a, b) => a - b);
const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
console.log(
  `  ${mode} ${file.split("/").slice(-2).join("/")}: median ${median.toFixed(1)} ms ` +
    `(min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}, ${times.length} runs)`,
);
