// Accessibility gate: axe-core runs on every page kind of the bundled site at a phone and a
// desktop width, in the light and the dark colour scheme, and must find nothing. A failure
// lists each rule with the elements it flagged, so the fix can start from the message.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";
import { openPage, startSite, waitFor } from "./harness.mjs";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// One page of every kind the site publishes. `ready` waits for what JavaScript adds.
const PAGES = [
  { kind: "home", path: "" },
  { kind: "platform", path: "xhs-partner/" },
  { kind: "flow (many roles)", path: "xhs-partner/xp-partner-onboarding/" },
  { kind: "flow (one role)", path: "xhs-juguang/jg-registration/" },
  { kind: "FAQ list", path: "xhs-partner/faq/" },
  { kind: "FAQ page", path: "kuaishou-service/faq/ks-faq-deposit-how/" },
  { kind: "rules", path: "channels-shop/rules/" },
  { kind: "rules (grouped)", path: "kuaishou-service/rules/" },
  { kind: "materials", path: "xhs-juguang/materials/" },
  { kind: "glossary", path: "glossary/" },
  { kind: "checklist (hand-written)", path: "xhs-partner/checklists/xp-checklist-deposit/" },
  { kind: "checklist (of a flow)", path: "xhs-partner/xp-approval/checklist/" },
  { kind: "tree index", path: "xhs-juguang/jg-trademark/" },
  { kind: "tree question", path: "xhs-juguang/jg-trademark/jg-q-tm-status/" },
  { kind: "tree outcome", path: "xhs-juguang/jg-trademark/jg-o-tm-transferee/" },
  {
    kind: "tree question answered in place (JavaScript)",
    path: "xhs-juguang/jg-trademark/jg-q-tm-status/",
    ready: async (page) => {
      const before = await page.locator("h1").textContent();
      await page.locator("a.answer").first().click();
      return waitFor(async () => (await page.locator("h1").textContent()) !== before);
    },
  },
  { kind: "Markdown page", path: "multi-store/roles/" },
  { kind: "section", path: "multi-store/" },
  {
    kind: "search page with results",
    path: `search/?q=${encodeURIComponent("保证金")}`,
    ready: (page) => waitFor(async () => (await page.locator("#search-results li").count()) > 0, { timeout: 5000 }),
  },
  { kind: "404", path: "no-such-page/", status: 404 },
];

const VIEWPORTS = [
  { name: "375", viewport: { width: 375, height: 812 } },
  { name: "1280", viewport: { width: 1280, height: 800 } },
];
const SCHEMES = ["light", "dark"];

let site;

before(async () => {
  site = await startSite();
});

after(async () => {
  await site?.close();
});

/** Run axe on the open page; returns its violations as readable lines. */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ").slice(0, 240)}`),
    }));
  });
  return violations.map(
    (v) => `${v.id} (${v.help}), ${v.nodes.length} node(s):\n      ${v.nodes.slice(0, 6).join("\n      ")}`,
  );
}

for (const { name, viewport } of VIEWPORTS) {
  for (const colorScheme of SCHEMES) {
    describe(`axe at ${name} px, ${colorScheme}`, () => {
      test("every page kind has zero violations", async () => {
        const ctx = await site.browser.newContext({ viewport, colorScheme });
        const problems = [];
        try {
          for (const p of PAGES) {
            const { page, response } = await openPage(ctx, site.url(p.path));
            try {
              assert.equal(response.status(), p.status || 200, `${p.kind} /${p.path}`);
              await page.emulateMedia({ colorScheme });
              if (p.ready) assert.ok(await p.ready(page), `${p.kind}: not ready`);
              const found = await axeViolations(page);
              if (found.length) problems.push(`${p.kind} /${p.path}:\n    ${found.join("\n    ")}`);
            } finally {
              await page.close();
            }
          }
        } finally {
          await ctx.close();
        }
        assert.deepEqual(problems, [], `axe violations at ${name} px, ${colorScheme}:\n${problems.join("\n")}`);
      });
    });
  }
}
