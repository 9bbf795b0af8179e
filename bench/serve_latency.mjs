// Save-to-reload latency of `guidepost serve`: from writing a source file to the live-reload
// `build` event arriving at a client that shows PAGE (its event stream names the page, as
// live.js does), and to that client having fetched PAGE again, as a reloading browser does.
// Usage: node bench/serve_latency.mjs URL SITE PAGE RUNS MODE
//   edit FILE   append a changing line to FILE's body (a content page)
//   template    write SITE/templates/page.html: the theme's page template with a changing line
//   site        change the title in SITE/site.yaml
//   guide FILE  change the `name:` of the platform.yaml FILE (every page's navigation shows it)
// Each run checks the fetched page shows the change. Prints medians, min and max in ms and
// restores the sources at the end.

import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

const [url, site, page, runsArg, mode, fileArg] = process.argv.slice(2);
const runs = Number(runsArg || 10);
const themePage = readFileSync("themes/default/templates/page.html", "utf8");
const file =
  mode === "edit" || mode === "guide"
    ? fileArg
    : mode === "template"
      ? `${site}/templates/page.html`
      : `${site}/site.yaml`;
const original = existsSync(file) ? readFileSync(file, "utf8") : null;

// The new text of the source for run i, and what the page then shows.
function change(i) {
  const mark = `基准${i}x${Date.now() % 100000}`;
  if (mode === "edit") return [`${original}\n\n${mark}\n`, mark];
  if (mode === "template") {
    const text = themePage.replace("</article>", `<p>${mark}</p></article>`);
    if (text === themePage) throw new Error("page.html has no </article> to mark");
    return [text, mark];
  }
  if (mode === "guide") {
    const text = original.replace(/^name: (.*)$/m, `name: $1${mark}`);
    if (text === original) throw new Error(`${file} has no name line`);
    return [text, mark];
  }
  const text = original.replace(/^title: (.*)$/m, `title: $1 ${mark}`);
  if (text === original) throw new Error("site.yaml has no title line");
  return [text, mark];
}

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

function fetchPage() {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(page.replace(/^\//, ""), url), (res) => {
        res.setEncoding("utf8");
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve([res.statusCode, body]));
      })
      .on("error", reject);
  });
}

const events = new URL("__guidepost/events", url);
events.searchParams.set("page", page);
const agent = new http.Agent({ keepAlive: false });
const req = http.get(events, { agent }, (res) => {
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
const toEvent = [];
const toPage = [];
try {
  await nextBuild(10000); // the state on connect
  for (let i = 0; i < runs; i++) {
    const [text, mark] = change(i);
    if (mode === "template") mkdirSync(`${site}/templates`, { recursive: true });
    const t0 = performance.now();
    writeFileSync(file, text);
    await nextBuild(600000);
    const t1 = performance.now();
    const [status, body] = await fetchPage();
    const t2 = performance.now();
    if (status !== 200 || !body.includes(mark)) throw new Error(`${page} (${status}) does not show ${mark}`);
    toEvent.push(t1 - t0);
    toPage.push(t2 - t0);
    await sleep(300);
  }
} finally {
  if (original === null) rmSync(file, { force: true });
  else writeFileSync(file, original);
  req.destroy();
}
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (x) => x.toFixed(1);
console.log(
  `  ${mode.padEnd(8)} reload event median ${f(median(toEvent))} ms, page fetched median ${f(median(toPage))} ms ` +
    `(min ${f(Math.min(...toPage))}, max ${f(Math.max(...toPage))}, ${toPage.length} runs)`,
);
