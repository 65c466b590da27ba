// The upload POST /figma-compat/uui/ingest and /variables/derive read: one object shaped like GET /v1/files/:key —
// `document` (DOCUMENT → a CANVAS per page → the exported nodes), the merged `components`, `componentSets` and
// `styles` maps — plus the plugin's `variables` and `variableCollections`. It is built as a list of parts (each
// node stringified once, as it arrives), to be sent as a Blob: no step joins the whole file into one string.
import type { ExportedNode } from './protocol';
import type { SerializedStyle, SerializedVariable, SerializedVariableCollection } from './variables';

/** What the preview shows before anything is sent. */
export interface ExportSummary {
  pages: number;
  nodes: number;
  components: number;
  componentSets: number;
  styles: number;
  variables: number;
  collections: number;
  bytes: number;
}

interface PageParts {
  id: string;
  name: string;
  nodes: string[];
}

/** Gathers exported nodes, then writes the upload's parts. */
export class UploadBuilder {
  readonly #pages = new Map<string, PageParts>();
  readonly #components: Record<string, unknown> = {};
  readonly #componentSets: Record<string, unknown> = {};
  readonly #styles: Record<string, unknown> = {};
  #variables: SerializedVariable[] = [];
  #collections: SerializedVariableCollection[] = [];
  #nodes = 0;
  #bytes = 0;

  constructor(readonly name: string) {}

  /** Adds one node's export: its document under its page, its maps merged. */
  add(node: ExportedNode): void {
    let page = this.#pages.get(node.pageId);
    if (!page) this.#pages.set(node.pageId, (page = { id: node.pageId, name: node.pageName, nodes: [] }));
    const json = JSON.stringify(node.entry.document);
    page.nodes.push(json);
    this.#bytes += json.length;
    this.#nodes++;
    Object.assign(this.#components, node.entry.components);
    Object.assign(this.#componentSets, node.entry.componentSets);
    Object.assign(this.#styles, node.entry.styles);
  }

  /** Sets the file's variables and adds its local styles (a style the nodes already name keeps their entry). */
  setFileData(variables: SerializedVariable[], collections: SerializedVariableCollection[], styles: SerializedStyle[]): void {
    this.#variables = variables;
    this.#collections = collections;
    for (const { id, ...meta } of styles) if (!(id in this.#styles)) this.#styles[id] = meta;
  }

  /** Counts for the preview. */
  summary(): ExportSummary {
    return {
      pages: this.#pages.size,
      nodes: this.#nodes,
      components: Object.keys(this.#components).length,
      componentSets: Object.keys(this.#componentSets).length,
      styles: Object.keys(this.#styles).length,
      variables: this.#variables.length,
      collections: this.#collections.length,
      bytes: this.#bytes,
    };
  }

  /** The upload as parts whose concatenation is its JSON. */
  parts(): string[] {
    const out: string[] = [`{"name":${JSON.stringify(this.name)},"document":{"id":"0:0","type":"DOCUMENT","name":"Document","children":[`];
    let firstPage = true;
    for (const page of this.#pages.values()) {
      out.push(`${firstPage ? '' : ','}{"id":${JSON.stringify(page.id)},"type":"CANVAS","name":${JSON.stringify(page.name)},"children":[`);
      page.nodes.forEach((node, i) => out.push(i === 0 ? node : `,${node}`));
      out.push(']}');
      firstPage = false;
    }
    out.push(
      `]},"components":${JSON.stringify(this.#components)},"componentSets":${JSON.stringify(this.#componentSets)},"styles":${JSON.stringify(this.#styles)}`,
      `,"variables":${JSON.stringify(this.#variables)},"variableCollections":${JSON.stringify(this.#collections)},"schemaVersion":0}`,
    );
    return out;
  }
}
