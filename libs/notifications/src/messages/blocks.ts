/**
 * The body of a message as a few structural blocks, so the plain-text and HTML bodies are
 * rendered from one source and cannot drift apart.
 */
export interface ListItem {
  label: string;
  url?: string;
  detail?: string;
  children?: ListItem[];
}

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  /** A call to action; `fallback` introduces the bare link for mail clients that hide buttons. */
  | { type: 'action'; label: string; url: string; fallback: string }
  | { type: 'list'; items: ListItem[] }
  | { type: 'lines'; lines: string[] };

export interface Footer {
  text: string;
  linkLabel: string;
  url: string;
}
