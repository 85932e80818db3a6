// Build settings kept in scripts/: Content-Security-Policy and the Office.js subset.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../scripts/csp.mjs";
import { OFFICE_JS_CDN_ORIGIN, OFFICE_JS_CDN_URL, OFFICE_JS_LOCAL_FILES, officeJsMode } from "../scripts/office-js.mjs";

const directives = (csp: string) =>
  new Map(csp.split(";").map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name!, sources];
  }));

describe("Content-Security-Policy", () => {
  it("never allows inline or eval code, objects or foreign base URLs", () => {
    for (const officeJs of ["cdn", "local"] as const) {
      const csp = contentSecurityPolicy({ officeJs, devServerOrigin: "https://localhost:3000" });
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      const d = directives(csp);
      expect(d.get("default-src")).toEqual(["'self'"]);
      expect(d.get("style-src")).toEqual(["'self'"]);
      expect(d.get("object-src")).toEqual(["'none'"]);
      expect(d.get("base-uri")).toEqual(["'self'"]);
      expect(d.get("img-src")).toEqual(["'self'", "data:"]);
    }
  });

  it("allows Microsoft's Office.js origin only when the pages load it from the CDN", () => {
    expect(OFFICE_JS_CDN_URL.startsWith(`${OFFICE_JS_CDN_ORIGIN}/`)).toBe(true);
    expect(directives(contentSecurityPolicy({ officeJs: "cdn" })).get("script-src")).toEqual(["'self'", OFFICE_JS_CDN_ORIGIN]);
    expect(directives(contentSecurityPolicy({ officeJs: "local" })).get("script-src")).toEqual(["'self'"]);
  });

  it("lets the engine's Web Worker start from the page's own origin only (no blob:, no other origin)", () => {
    for (const officeJs of ["cdn", "local"] as const) expect(directives(contentSecurityPolicy({ officeJs })).get("worker-src")).toEqual(["'self'"]);
  });

  it("lets the dev server's live-reload socket through, and only it", () => {
    expect(directives(contentSecurityPolicy({ officeJs: "local" })).get("connect-src")).toEqual(["'self'"]);
    expect(
      directives(contentSecurityPolicy({ officeJs: "local", devServerOrigin: "https://localhost:3000" })).get("connect-src"),
    ).toEqual(["'self'", "wss://localhost:3000"]);
  });
});

describe("Office.js", () => {
  it("defaults to the CDN in production and to the local copy in development", () => {
    expect(officeJsMode(undefined, true)).toBe("cdn");
    expect(officeJsMode(undefined, false)).toBe("local");
    expect(officeJsMode("local", true)).toBe("local");
    expect(() => officeJsMode("autre", true)).toThrow(/cdn/);
  });

  it("copies files that exist in the installed @microsoft/office-js", () => {
    const dist = fileURLToPath(new URL("../node_modules/@microsoft/office-js/dist/", import.meta.url));
    expect(OFFICE_JS_LOCAL_FILES).toContain("office.js");
    expect(OFFICE_JS_LOCAL_FILES).toContain("fr-fr/office_strings.js");
    for (const file of OFFICE_JS_LOCAL_FILES) expect(existsSync(dist + file), file).toBe(true);
  });
});
