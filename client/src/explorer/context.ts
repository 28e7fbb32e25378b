import type { Core } from "cytoscape";
import type { Api } from "../api/graphql-client.ts";
import type { GraphModel } from "../graph/graph-model.ts";
import type { UrlState } from "../state/url-state.ts";
import type { PageElements } from "../ui/page.ts";

/**
 * What every feature of the explorer shares: the graph on screen, what is loaded and why, the server,
 * the state (which the URL mirrors) and the one way to say "the state changed": commit().
 */
export interface ExplorerContext {
  readonly cy: Core;
  readonly api: Api;
  readonly page: PageElements;
  readonly graph: GraphModel;
  readonly state: UrlState;
  /** Visibility, legend, list, status, toolbar and URL, after any change of what is loaded or shown. */
  commit(options?: { push?: boolean; controls?: boolean }): void;
  /** A message in the status line (an error in red). */
  status(message: string, error?: boolean): void;
}
