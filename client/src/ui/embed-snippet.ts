/** The HTML a site pastes to embed a view of the explorer (an entity's, or a named view). */
export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${escapeAttribute(src)}" width="720" height="480" style="border:0" loading="lazy" title="${escapeAttribute(title)}"></iframe>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
