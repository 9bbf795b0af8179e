// The README's first command, run exactly as the README writes it — in the repository folder,
// with no --root, no --port, nothing added — and used the way a content editor uses it: a page
// of the bundled site open in Chromium, a save in content/ reloads it, a broken save shows
// the problem with file:line:col over the page, the fix clears it.
//
// It edits a real file of the bundled site (content/multi-store/permissions.md) and puts its
// bytes back afterwards, whatever happens. It needs port 8000 free, as the README does.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { after, before, describe, test } from "node:test";
import { REPO_ROOT, launchBrowser, openPage, waitFor } from "./harness.mjs";

const PAGE_FILE = "content/multi-store/permissions.md";
const PAGE_URL = "multi-store/permissions/";

/** The README's first command: the first indented line of the file. */
function readmeServeCommand() {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const line = readme.split("\n").find((l) => /^ {4}\S/.test(l));
  assert.ok(line, "README.md has no indented command");
  const cmd = line.trim();
  assert.match(cmd, /\bserve\b/, `the README's first command should preview the site: ${cmd}`);
  return cmd;
}

let server, browser, context, original, output = "";

function start(cmd) {
  // Its own process group, so Ctrl-C (SIGINT) reaches cargo and guidepost as in a terminal.
  const child = spawn("sh", ["-c", cmd], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve, reject) => {
    // Generous: cargo may have to compile first on a fresh clone.
    const timer = setTimeout(() => reject(new Error(`\`${cmd}\` did not start:\n${output}`)), 600000);
    child.once("exit", (code) => reject(new Error(`\`${cmd}\` exited (${code}):\n${output}`)));
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      output += line + "\n";
      const m = line.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
  });
}

before(async () => {
  original = readFileSync(path.join(REPO_ROOT, PAGE_FILE));
  server = await start(readmeServeCommand());
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 375, height: 812 } });
});

after(async () => {
  // Put the editor's file back first: nothing below may leave the repository changed.
  if (original) writeFileSync(path.join(REPO_ROOT, PAGE_FILE), original);
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  if (server) {
    const exited = new Promise((r) => server.child.once("exit", r));
    process.kill(-server.child.pid, "SIGINT");
    await exited;
  }
});

function save(text) {
  writeFileSync(path.join(REPO_ROOT, PAGE_FILE), text);
}

describe("the README's serve command", () => {
  test("serves the bundled site at the address the README gives", () => {
    assert.equal(server.url, "http://127.0.0.1:8000/");
  });

  test("a save in content/ reloads the open page; a broken save shows where; the fix clears it", async () => {
    const { page } = await openPage(context, PAGE_URL, { base: server.url });
    const overlay = page.locator("#guidepost-overlay");
    try {
      const text = original.toString("utf8");
      const added = "保存后这一段应当立刻出现在打开的页面上。";
      // Let the page's live-reload stream connect before the save.
      await page.waitForTimeout(300);
      let reloaded = page.waitForEvent("load", { timeout: 15000 });
      save(`${text.trimEnd()}\n\n${added}\n`);
      await reloaded;
      assert.ok(
        await waitFor(async () => (await page.locator("main").textContent()).includes(added), { timeout: 5000 }),
        "the saved paragraph is on the page after the reload",
      );

      // The editor mistypes a front-matter key.
      const lines = text.split("\n");
      const at = lines.findIndex((l) => l.startsWith("title:"));
      assert.ok(at > 0, `${PAGE_FILE} has no title: line`);
      lines[at] = lines[at].replace("title:", "titel:");
      save(lines.join("\n"));
      await overlay.waitFor({ state: "visible", timeout: 15000 });
      const shown = await overlay.textContent();
      assert.ok(shown.includes(`${PAGE_FILE}:${at + 1}:1`), `the overlay names file:line:col: ${shown}`);
      assert.ok(shown.includes("titel"), shown);
      // The last good page stays under the overlay.
      assert.ok((await page.locator("main").textContent()).includes(added));

      reloaded = page.waitForEvent("load", { timeout: 15000 });
      save(text);
      await reloaded;
      await overlay.waitFor({ state: "detached", timeout: 15000 });
      assert.ok(!(await page.locator("main").textContent()).includes(added), "the fixed page is the saved one");
    } finally {
      await page.close();
    }
  });
});
