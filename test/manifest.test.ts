// Offline checks of manifest.xml: the online validator (npm run validate) needs
// the network, these catch the usual mistakes without it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEV_BASE_URL, normalizeBaseUrl, rewriteManifestUrls } from "../scripts/manifest-urls.mjs";
import { childrenNamed, descendants, onlyChild, parseXml, type XmlElement } from "./helpers/xml";
import { pngSize } from "./helpers/png";

const repoFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const source = readFileSync(repoFile("manifest.xml"), "utf8");
const manifest = parseXml(source);
const overrides = onlyChild(manifest, "VersionOverrides");
const resources = onlyChild(overrides, "Resources");
const all = [manifest, ...descendants(manifest)];

/** OfficeApp children of a TaskPaneApp, in the order of the XSD sequence. */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];

/** Checks that `element`'s children only use `order`'s names, in that order (repeats allowed). */
function expectOrder(element: XmlElement, order: string[]): void {
  const names = element.children.map((child) => child.name);
  for (const name of names) expect(order, `<${name}> is not allowed in <${element.name}>`).toContain(name);
  const positions = names.map((name) => order.indexOf(name));
  expect(positions, `children of <${element.name}>: ${names.join(", ")}`).toEqual([...positions].sort((a, b) => a - b));
}

const attr = (element: XmlElement, name: string): string => {
  const value = element.attributes[name];
  if (value === undefined) throw new Error(`<${element.name}> has no ${name} attribute`);
  return value;
};

/** Resource kind expected for each element that carries a resid, by element name and parent. */
function expectedKind(element: XmlElement, parent: XmlElement): string {
  if (element.name === "bt:Image") return "bt:Images";
  if (["FunctionFile", "SourceLocation", "LearnMoreUrl"].includes(element.name)) return "bt:Urls";
  if (element.name === "Label" || element.name === "Title") return "bt:ShortStrings";
  if (element.name === "Description" && ["Supertip", "GetStarted"].includes(parent.name)) return "bt:LongStrings";
  throw new Error(`unexpected resid on <${element.name}> in <${parent.name}>`);
}

/** [element, parent] pairs of every element carrying a resid. */
function residUsers(): Array<[XmlElement, XmlElement]> {
  return all.flatMap((parent) =>
    parent.children.filter((child) => "resid" in child.attributes).map((child): [XmlElement, XmlElement] => [child, parent]),
  );
}

/** Resource id -> kind (bt:Images, bt:Urls, ...) and element. */
function resourceIndex(): Map<string, { kind: string; element: XmlElement }> {
  const index = new Map<string, { kind: string; element: XmlElement }>();
  for (const group of resources.children) {
    for (const element of group.children) {
      const id = attr(element, "id");
      expect(index.has(id), `duplicate resource id ${id}`).toBe(false);
      index.set(id, { kind: group.name, element });
    }
  }
  return index;
}

describe("manifest.xml", () => {
  it("is a task pane add-in whose OfficeApp children follow the schema order", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(attr(manifest, "xsi:type")).toBe("TaskPaneApp");
    expect(attr(manifest, "xmlns")).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expectOrder(manifest, OFFICE_APP_ORDER);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description"]) {
      onlyChild(manifest, required);
    }
    for (const wanted of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "Hosts", "Requirements", "DefaultSettings", "Permissions"]) {
      onlyChild(manifest, wanted);
    }
  });

  it("has a fixed GUID, a 4-part version, Excel workbooks as host and ReadWriteDocument", () => {
    expect(onlyChild(manifest, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(onlyChild(manifest, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(childrenNamed(onlyChild(manifest, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(onlyChild(manifest, "Permissions").text).toBe("ReadWriteDocument");
    expect(attr(onlyChild(manifest, "DisplayName"), "DefaultValue")).toBe("Indicateurs IAE");
  });

  it("requires the ExcelApi set with a minimum version", () => {
    const sets = onlyChild(onlyChild(manifest, "Requirements"), "Sets");
    expect(attr(sets, "DefaultMinVersion")).toMatch(/^\d+\.\d+$/);
    const excel = childrenNamed(sets, "Set").find((set) => set.attributes.Name === "ExcelApi");
    expect(excel).toBeDefined();
    expect(attr(excel!, "MinVersion")).toBe("1.9");
  });

  it("defaults to fr-FR and overrides the display name, description and every string in en-US", () => {
    expect(onlyChild(manifest, "DefaultLocale").text).toBe("fr-FR");
    for (const name of ["DisplayName", "Description"]) {
      const locales = childrenNamed(onlyChild(manifest, name), "Override").map((o) => attr(o, "Locale"));
      expect(locales, name).toContain("en-US");
    }
    const strings = [...onlyChild(resources, "bt:ShortStrings").children, ...onlyChild(resources, "bt:LongStrings").children];
    expect(strings.length).toBeGreaterThan(0);
    for (const string of strings) {
      const locales = childrenNamed(string, "bt:Override").map((o) => attr(o, "Locale"));
      expect(locales, attr(string, "id")).toContain("en-US");
    }
  });

  it("declares the Workbook command surface in the order the VersionOverrides schema wants", () => {
    expect(attr(overrides, "xmlns")).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(attr(overrides, "xsi:type")).toBe("VersionOverridesV1_0");
    expectOrder(overrides, ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"]);
    const host = onlyChild(onlyChild(overrides, "Hosts"), "Host");
    expect(attr(host, "xsi:type")).toBe("Workbook");
    const desktop = onlyChild(host, "DesktopFormFactor");
    expectOrder(desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    onlyChild(desktop, "FunctionFile");
    const surface = onlyChild(desktop, "ExtensionPoint");
    expect(attr(surface, "xsi:type")).toBe("PrimaryCommandSurface");
    const tab = onlyChild(surface, "CustomTab");
    expectOrder(tab, ["Group", "Label"]);
    const group = onlyChild(tab, "Group");
    expectOrder(group, ["Label", "Icon", "Control"]);
    for (const control of childrenNamed(group, "Control")) {
      expect(attr(control, "xsi:type")).toBe("Button");
      expectOrder(control, ["Label", "Supertip", "Icon", "Action"]);
      expectOrder(onlyChild(control, "Supertip"), ["Title", "Description"]);
    }
    expectOrder(resources, ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
    for (const group of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) onlyChild(resources, group);
  });

  it("has a task pane button and the verifier / consolider function commands", () => {
    const actions = all.filter((element) => element.name === "Action");
    const taskpane = actions.filter((action) => attr(action, "xsi:type") === "ShowTaskpane");
    expect(taskpane).toHaveLength(1);
    const functions = actions
      .filter((action) => attr(action, "xsi:type") === "ExecuteFunction")
      .map((action) => onlyChild(action, "FunctionName").text);
    expect(functions).toEqual(["verifier", "consolider"]);
    const urls = resourceIndex();
    const urlOf = (resid: string) => attr(urls.get(resid)!.element, "DefaultValue");
    // ?hote=office: the pages load Office.js only when opened by Office (src/apps/taskpane/office-loader.ts).
    expect(urlOf(attr(onlyChild(taskpane[0]!, "SourceLocation"), "resid"))).toBe(`${DEV_BASE_URL}taskpane.html?hote=office`);
    const functionFile = all.find((element) => element.name === "FunctionFile")!;
    expect(urlOf(attr(functionFile, "resid"))).toBe(`${DEV_BASE_URL}commands.html?hote=office`);
    expect(attr(onlyChild(onlyChild(manifest, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(
      `${DEV_BASE_URL}taskpane.html?hote=office`,
    );
  });

  it("resolves every resid to a resource of the right kind, with ids of at most 32 characters", () => {
    const index = resourceIndex();
    const used = new Set<string>();
    for (const [element, parent] of residUsers()) {
      const resid = attr(element, "resid");
      const resource = index.get(resid);
      expect(resource, `resid ${resid} of <${element.name}> is not declared`).toBeDefined();
      expect(resource!.kind, `resid ${resid} of <${element.name}>`).toBe(expectedKind(element, parent));
      used.add(resid);
    }
    for (const id of index.keys()) {
      expect(id.length, `resource id ${id}`).toBeLessThanOrEqual(32);
      expect(used.has(id), `resource ${id} is never used`).toBe(true);
    }
  });

  it("uses only https URLs", () => {
    const urls = all.flatMap((element) =>
      Object.entries(element.attributes)
        .filter(([name, value]) => !name.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        .map(([, value]) => value),
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("points every icon at a file of assets/ with the declared pixel size", () => {
    const iconFile = (url: string) => {
      expect(url.startsWith(`${DEV_BASE_URL}assets/`), url).toBe(true);
      return pngSize(readFileSync(repoFile(url.slice(DEV_BASE_URL.length))));
    };
    expect(iconFile(attr(onlyChild(manifest, "IconUrl"), "DefaultValue"))).toEqual({ width: 32, height: 32 });
    expect(iconFile(attr(onlyChild(manifest, "HighResolutionIconUrl"), "DefaultValue"))).toEqual({ width: 64, height: 64 });
    const index = resourceIndex();
    const images = all.filter((element) => element.name === "bt:Image" && "resid" in element.attributes);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const size = Number(attr(image, "size"));
      expect([16, 20, 24, 32, 40, 48, 64, 80]).toContain(size);
      const url = attr(index.get(attr(image, "resid"))!.element, "DefaultValue");
      expect(iconFile(url), url).toEqual({ width: size, height: size });
    }
  });
});

describe("manifest URL rewriting for a deployment", () => {
  const base = "https://iae.example.fr/addin";

  it("replaces every dev-server URL by the base URL", () => {
    const rewritten = rewriteManifestUrls(source, base);
    expect(rewritten).not.toMatch(/:\/\/localhost/);
    const urls = [...rewritten.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url!.startsWith(`${base}/`), url).toBe(true);
    // Still the same document, only URLs changed.
    const before = descendants(manifest).map((element) => element.name);
    expect(descendants(parseXml(rewritten)).map((element) => element.name)).toEqual(before);
  });

  it("normalises the base URL and refuses what Office would refuse", () => {
    expect(normalizeBaseUrl("https://iae.example.fr/addin")).toBe("https://iae.example.fr/addin/");
    expect(normalizeBaseUrl("https://iae.example.fr")).toBe("https://iae.example.fr/");
    expect(() => normalizeBaseUrl("http://iae.example.fr/")).toThrow(/https/);
    expect(() => normalizeBaseUrl("https://iae.example.fr/?v=1")).toThrow();
    expect(() => normalizeBaseUrl("pas une url")).toThrow(/valide/);
  });
});
