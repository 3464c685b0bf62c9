// Renderers treat every source string as untrusted: no markup in Markdown, no escapes in a terminal.
import { describe, expect, it } from "vitest";
import { offlineCheckDependencies } from "../assemble/offline-check.js";
import { runCheck } from "../pipeline/run.js";
import { openSqliteStore } from "../store/sqlite/open.js";
import { renderCheckMarkdown } from "./markdown.js";
import { renderCheckText } from "./text.js";

async function hostileCheck() {
  const store = openSqliteStore(":memory:");
  await store.upsertDocuments([
    {
      id: "evil",
      title: "<script>alert(1)</script> Masks [click](javascript:alert(1))",
      text: "Face masks reduce the spread of respiratory viruses \u001b[31min households\u001b[0m. <img src=x onerror=alert(1)> Masks reduce spread.",
    },
  ]);
  try {
    return await runCheck(
      "Face masks reduce the spread of respiratory viruses.",
      offlineCheckDependencies(store),
    );
  } finally {
    await store.close();
  }
}

describe("renderers", () => {
  it("escape Markdown and HTML in source text", async () => {
    const { check, version } = await hostileCheck();
    expect(version.sources).toHaveLength(1);
    const md = renderCheckMarkdown(check.input, version);
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("<img");
    expect(md).not.toContain("](javascript:");
    expect(md).toContain("\\<script\\>");
  });

  it("strip terminal control characters from source text", async () => {
    const { check, version } = await hostileCheck();
    const text = renderCheckText(check.input, version);
    expect(text).not.toContain("\u001b");
    expect(text).toContain("Checked on ");
  });
});
