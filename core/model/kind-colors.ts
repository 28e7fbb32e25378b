import type { Kind } from "./index.ts";

/**
 * One colour per kind (Okabe–Ito: told apart with colour-blindness too), shared by the explorer's
 * styles (client/src/graph/kind-styles.ts) and the link-preview cards (server/http/preview-image.ts).
 * Keyed by the model's kinds: a new kind without a colour does not compile.
 */
export const kindColors: Record<Kind, string> = {
  territory: "#009E73",
  ally: "#0072B2",
  initiative: "#E69F00",
  person: "#CC79A7",
  cohort: "#56B4E9",
  theme: "#D55E00",
  source: "#7f7f7f",
};
