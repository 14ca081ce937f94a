import {
  LineCounter,
  isMap,
  isPair,
  isScalar,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';

/** A problem found in a curriculum file, reported as `file:line:column: message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export const formatProblem = (problem: Problem) =>
  `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;

export type YamlPath = readonly (string | number)[];

/**
 * One YAML document (a whole .yaml file, or a lesson's front matter) that remembers where each
 * value came from, so problems point at a line and column. `firstLine` is the file line the
 * YAML text starts on (2 for front matter below its `---`).
 */
export class YamlSource {
  readonly document: Document;
  readonly data: unknown;
  readonly syntaxProblems: Problem[];
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
    private readonly firstLine = 1,
  ) {
    this.document = parseDocument(text, {
      lineCounter: this.lines,
      uniqueKeys: true,
      prettyErrors: false,
    });
    this.syntaxProblems = this.document.errors.map((error) => {
      const at = error.linePos?.[0] ?? { line: 1, col: 1 };
      return {
        file,
        line: at.line + firstLine - 1,
        column: at.col,
        message: `YAML: ${error.message.split('\n')[0] ?? ''}`,
      };
    });
    this.data = this.syntaxProblems.length ? undefined : (this.document.toJS() as unknown);
  }

  /** A problem at the value of `path`, or at its nearest existing ancestor. */
  problemAt(path: YamlPath, message: string): Problem {
    for (let length = path.length; length >= 0; length -= 1) {
      const node = this.document.getIn(path.slice(0, length), true) as Node | undefined;
      if (node?.range) return this.problemAtOffset(node.range[0], message);
    }
    return { file: this.file, line: this.firstLine, column: 1, message };
  }

  /** A problem at the key `key` of the mapping at `path` (for unknown fields). */
  problemAtKey(path: YamlPath, key: string, message: string): Problem {
    const map =
      this.document.getIn(path, true) ?? (path.length === 0 ? this.document.contents : undefined);
    if (isMap(map)) {
      const pair = map.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === key,
      );
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return this.problemAtOffset(keyNode.range[0], message);
    }
    return this.problemAt(path, message);
  }

  private problemAtOffset(offset: number, message: string): Problem {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line: line + this.firstLine - 1, column: col, message };
  }
}
