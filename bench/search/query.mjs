// Browser side of bench/search.sh: for one built site (already indexed by Pagefind too), run
// the same Chinese queries through guidepost's search box and through Pagefind's JS API in
// headless Chromium; report bytes fetched by the first query, latency, and whether each
// finds the expected page in its top 3.
//
// Usage: node bench/search/query.mjs SITE_DIR QUERIES.json [--guidepost-only]
//   QUERIES.json: [[query, [expected page path, …]], …]  (paths like "a/b/", any one counts)
// Prints one JSON object.

import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { launchBrowser, serve } from "../../tests/browser/harness.mjs";

const [dir, queriesFile, only] = process.argv.slice(2);
const withPagefind = only !== "--guidepost-only";
const queries = JSON.parse(readFileSync(queriesFile, "utf8"));
const SHOWN = 8; // guidepost's dropdown shows 8 results
const PF_SHOWN = 5; // Pagefind's UI loads 5 results' fragments at first

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

/** Bytes of a served file (raw and gzip -9), from its URL path. */
function fileBytes(urlPath) {
  const f = path.join(dir, decodeURIComponent(urlPath.split("?")[0]));
  try {
    if (!statSync(f).isFile()) return [0, 0];
    const b = readFileSync(f);
    return [b.length, gzipSync(b, { level: 9 }).length];
  } catch {
    return [0, 0];
  }
}

/** Record every response of `page` whose path matches `re`, with its size. */
function recorder(page, re) {
  const got = [];
  page.on("response", (r) => {
    const p = new URL(r.url()).pathname;
    if (re.test(p)) got.push([p, ...fileBytes(p)]);
  });
  return got;
}

const sum = (list, i) => list.reduce((a, x) => a + x[i], 0);
const pagePath = (href, base) => href.slice(base.length).split("#")[0].replace(/index\.html$/, "");

const server = await serve(dir);
const browser = await launchBrowser();
const out = { guidepost: {}, pagefind: {} };
try {
  // guidepost: a fresh page per query, so each query is a "first query" (cold cache).
  const gp = { first: [], firstAll: [], latency: [], warm: [], found: [] };
  for (const [q, expected] of queries) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const got = recorder(page, /\/search\/|\/assets\/search\./);
    await page.goto(server.url);
    const input = page.locator(".site-search input[name=q]");
    const t0 = Date.now();
    await input.fill(q);
    await page.waitForFunction((q) => document.querySelector(".search-panel")?.getAttribute("data-query") === q, q.trim(), { timeout: 20000 });
    gp.latency.push(Date.now() - t0 - 60); // less the 60 ms typing debounce
    const idx = got.filter((g) => g[0].includes("/search/"));
    gp.first.push([sum(idx, 1), sum(idx, 2), idx.length]);
    gp.firstAll.push([sum(got, 1), sum(got, 2)]);
    const hrefs = await page.locator(".search-panel [role=option] a").evaluateAll((as) => as.map((a) => a.href));
    const top = hrefs.slice(0, 3).map((h) => pagePath(h, server.url));
    gp.found.push({ q, top, ok: top.some((t) => expected.includes(t)) });
    // A second query on the same page: meta and search.js are loaded, shards may be too.
    const next = queries[(queries.findIndex((x) => x[0] === q) + 1) % queries.length][0];
    const t1 = Date.now();
    await input.fill(next);
    await page.waitForFunction((q) => document.querySelector(".search-panel")?.getAttribute("data-query") === q, next.trim());
    gp.warm.push(Date.now() - t1 - 60);
    await ctx.close();
  }
  out.guidepost = {
    first_query_index_bytes_median: median(gp.first.map((x) => x[0])),
    first_query_index_gzip_median: median(gp.first.map((x) => x[1])),
    first_query_index_files_median: median(gp.first.map((x) => x[2])),
    first_query_bytes_with_js_median: median(gp.firstAll.map((x) => x[0])),
    first_query_gzip_with_js_median: median(gp.firstAll.map((x) => x[1])),
    latency_ms_median: median(gp.latency),
    warm_latency_ms_median: median(gp.warm),
    found: gp.found.filter((f) => f.ok).length + "/" + gp.found.length,
    misses: gp.found.filter((f) => !f.ok),
  };

  // Pagefind: its JS API, the same queries, a fresh page each.
  const pf = { first: [], latency: [], found: [] };
  for (const [q, expected] of withPagefind ? queries : []) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const got = recorder(page, /\/pagefind\//);
    await page.goto(server.url);
    const res = await page.evaluate(
      async ({ q, n }) => {
        const t0 = performance.now();
        const pagefind = await import("/pagefind/pagefind.js");
        await pagefind.options({});
        const r = await pagefind.search(q);
        const data = await Promise.all(r.results.slice(0, n).map((x) => x.data()));
        return { ms: performance.now() - t0, urls: data.map((d) => d.url) };
      },
      { q, n: PF_SHOWN },
    );
    pf.latency.push(res.ms);
    const pfIndex = got.filter((g) => /pagefind-entry|\.pf_/.test(g[0]));
    pf.first.push([sum(got, 1), sum(got, 2), got.length, sum(pfIndex, 1), sum(pfIndex, 2)]);
    const top = res.urls.slice(0, 3).map((u) => u.replace(/^\//, "").replace(/index\.html$/, ""));
    pf.found.push({ q, top, ok: top.some((t) => expected.includes(t)) });
    await ctx.close();
  }
  out.pagefind = {
    first_query_bytes_median: median(pf.first.map((x) => x[0])),
    first_query_gzip_median: median(pf.first.map((x) => x[1])),
    first_query_files_median: median(pf.first.map((x) => x[2])),
    first_query_index_bytes_median: median(pf.first.map((x) => x[3])),
    first_query_index_gzip_median: median(pf.first.map((x) => x[4])),
    latency_ms_median: median(pf.latency),
    found: pf.found.filter((f) => f.ok).length + "/" + pf.found.length,
    misses: pf.found.filter((f) => !f.ok),
  };
  out.shown = { guidepost: SHOWN, pagefind: PF_SHOWN };
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(out, null, 1));
