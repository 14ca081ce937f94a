/**
 * The text-search document of a catalog version: title, summary and (for lessons) body. The
 * migration indexes exactly this expression with GIN, so queries must use it verbatim.
 */
export const SEARCH_DOCUMENT = `to_tsvector('english', coalesce(content->>'title', '') || ' ' || coalesce(content->>'summary', '') || ' ' || coalesce(body_markdown, ''))`;
