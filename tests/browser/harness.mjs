// Helpers for the real-browser tests: build the site with the guidepost binary, serve the
// output on 127.0.0.1, drive headless Chromium through playwright-core, and record every
// request a page makes so a test can prove nothing leaves the machine.
//
// Environment:
//   GUIDEPOST_BIN   the guidepost binary (default: <repo>/target/release/guidepost)
//   GUIDEPOST_ROOT  the site folder, the one holding site.yaml (default: the repo root)
//   CHROMIUM_PATH   the Chromium executable (default: /usr/bin/chromium)

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";

const execFileAsync = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = path.resolve(here, "..", "..");
export const SITE_ROOT = path.resolve(process.env.GUIDEPOST_ROOT || REPO_ROOT);
export const GUIDEPOST_BIN = path.resolve(
  process.env.GUIDEPOST_BIN || path.join(REPO_ROOT, "target", "release", "guidepost"),
);
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const LOCAL_HOST = "127.0.0.1";

// Without these flags Chromium phones home (Google services, component updates, QUIC probes);
// on a closed network that is noise at best and a hang at worst.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// ---------------------------------------------------------------------------------------------
// Build

/** Build the site once into a fresh temp dir; returns { dir, cleanup }. `lang` ("zh" or
 *  "en") sets the language of guidepost's messages; without it the locale decides. */
export async function buildSite({ bin = GUIDEPOST_BIN, root = SITE_ROOT, lang } = {}) {
  if (!existsSync(bin)) {
    throw new Error(
      `guidepost binary not found at ${bin}: run \`cargo build --release\` (or scripts/browser-test), or set GUIDEPOST_BIN`,
    );
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "guidepost-browser-"));
  // guidepost swaps its output folder atomically: give it a path that does not exist yet.
  const dir = path.join(tmp, "site");
  try {
    const langArgs = lang ? ["--lang", lang] : [];
    await execFileAsync(bin, ["build", "--root", root, "--output", dir, ...langArgs], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(
      `guidepost build failed (exit ${err.code}):\n${err.stdout || ""}${err.stderr || ""}`,
    );
  }
  if (!existsSync(path.join(dir, "index.html"))) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`guidepost build produced no index.html in ${dir}`);
  }
  return { dir, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------
// Static server

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".webmanifest": "application/manifest+json",
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
}

function isInside(root, p) {
  return p === root || p.startsWith(root + path.sep);
}

/**
 * Serve `root` on 127.0.0.1 with an ephemeral port. Folder URLs serve their index.html
 * (a folder URL without its trailing slash is redirected, as real hosts do); a missing file
 * gets the site's 404.html with status 404; paths escaping the root are refused with 403.
 * Returns { url, port, close, log } where log holds [method, url, status] of every request.
 */
export async function serve(root) {
  const realRoot = await realpath(root);
  const log = [];

  async function notFound(res, head) {
    let body = "404 Not Found\n";
    let type = "text/plain; charset=utf-8";
    try {
      body = await readFile(path.join(realRoot, "404.html"));
      type = CONTENT_TYPES[".html"];
    } catch {}
    res.writeHead(404, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
    res.end(head ? undefined : body);
  }

  function fail(res, status, message) {
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(message + "\n");
  }

  async function handle(req, res) {
    const head = req.method === "HEAD";
    if (req.method !== "GET" && !head) {
      res.setHeader("Allow", "GET, HEAD");
      return fail(res, 405, "method not allowed");
    }
    // Look at the path as sent (URL parsing would quietly drop "/../"), decoded.
    const rawPath = req.url.split(/[?#]/)[0];
    let pathname;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      return fail(res, 400, "bad request");
    }
    if (!pathname.startsWith("/") || pathname.includes("\0") || pathname.includes("\\")) {
      return fail(res, 400, "bad request");
    }
    if (pathname.split("/").some((seg) => seg === "..")) return fail(res, 403, "forbidden");

    // Resolve lexically, then through symlinks: neither may leave the root.
    let file = path.resolve(realRoot, "." + pathname);
    if (!isInside(realRoot, file)) return fail(res, 403, "forbidden");
    let info;
    try {
      file = await realpath(file);
      if (!isInside(realRoot, file)) return fail(res, 403, "forbidden");
      info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith("/")) {
          const query = req.url.slice(rawPath.length);
          res.writeHead(301, { Location: rawPath + "/" + query });
          return res.end();
        }
        file = path.join(file, "index.html");
        info = await stat(file);
      }
      if (!info.isFile()) return notFound(res, head);
    } catch {
      return notFound(res, head);
    }
    const body = await readFile(file);
    res.writeHead(200, {
      "Content-Type": contentType(file),
      "Content-Length": body.length,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(head ? undefined : body);
  }

  const server = http.createServer((req, res) => {
    res.on("finish", () => log.push([req.method, req.url, res.statusCode]));
    handle(req, res).catch((err) => {
      if (!res.headersSent) fail(res, 500, String(err));
      else res.destroy(err);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, LOCAL_HOST, resolve);
  });
  const { port } = server.address();
  return {
    url: `http://${LOCAL_HOST}:${port}/`,
    port,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Browser

export async function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** True when a request URL stays on this machine (data:, blob: and about: never hit the network). */
export function isLocalUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (["data:", "blob:", "about:"].includes(u.protocol)) return true;
  return u.hostname === LOCAL_HOST;
}

/**
 * Start recording on a page: every request URL, requests that left 127.0.0.1, console
 * errors, uncaught page errors, responses with status >= 400 and failed requests.
 */
export function record(page) {
  const rec = {
    requests: [],
    external: [],
    consoleErrors: [],
    pageErrors: [],
    badResponses: [],
    failedRequests: [],
  };
  page.on("request", (r) => {
    rec.requests.push(r.url());
    if (!isLocalUrl(r.url())) rec.external.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") rec.consoleErrors.push(`${m.text()} (${m.location()?.url || "?"})`);
  });
  page.on("pageerror", (e) => rec.pageErrors.push(String(e)));
  page.on("response", (r) => {
    if (r.status() >= 400) rec.badResponses.push(`${r.status()} ${r.url()}`);
  });
  page.on("requestfailed", (r) =>
    rec.failedRequests.push(`${r.url()}: ${r.failure()?.errorText || "failed"}`),
  );
  return rec;
}

/**
 * Open `url` (absolute, or relative to `base`) in a new page of `context` while recording
 * everything it requests. Requests to any host other than 127.0.0.1 are recorded and then
 * aborted, so a stray external URL shows up in `rec.external` instead of hanging the test.
 * Returns { page, response, rec }.
 */
export async function openPage(context, url, { base, waitUntil = "load" } = {}) {
  const page = await context.newPage();
  const rec = record(page);
  await page.route(
    (u) => !isLocalUrl(u.href),
    (route) => route.abort("blockedbyclient"),
  );
  const target = base ? new URL(url, base).href : url;
  const response = await page.goto(target, { waitUntil });
  return { page, response, rec };
}

/** Poll `fn` until it returns a truthy value or `timeout` ms pass; returns the last value. */
export async function waitFor(fn, { timeout = 3000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await fn();
    if (value || Date.now() >= end) return value;
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * The whole fixture: build the site, serve it, launch Chromium. Call once per test file
 * (in `before`) and `close()` it in `after`.
 */
export async function startSite() {
  const site = await buildSite();
  let server, browser;
  try {
    server = await serve(site.dir);
    browser = await launchBrowser();
  } catch (err) {
    await server?.close();
    site.cleanup();
    throw err;
  }
  return {
    dir: site.dir,
    baseUrl: server.url,
    origin: new URL(server.url).origin,
    server,
    browser,
    /** Absolute URL of a site path such as "xhs-partner/faq/". */
    url: (p = "") => new URL(p.replace(/^\//, ""), server.url).href,
    async close() {
      await browser?.close().catch(() => {});
      await server.close();
      site.cleanup();
    },
  };
}
