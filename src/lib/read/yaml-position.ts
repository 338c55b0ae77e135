/**
 * Maps a path into parsed YAML (as zod reports it, e.g. [2, "url"]) back to the line and column
 * where the editor wrote it. Shared by releases.yaml and the content files' frontmatter, whose
 * YAML starts a line or more into its file (hence `lineOffset`).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';

/** A 1-based line and column in the file the YAML came from. */
export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

/** Where a YAML path leads. */
export interface YamlPathLocation extends YamlPosition {
  /** False when part of the path is absent (e.g. a missing field); the position is then of the deepest part present. */
  readonly found: boolean;
}

/** Which part of a `key: value` pair to point at. */
export type YamlTarget = 'value' | 'key';

/** A YAML syntax problem, positioned in the file. */
export interface YamlSyntaxError extends YamlPosition {
  /** The parser's message, without the position it already carries. */
  readonly message: string;
}

/** Parsed YAML that can still say where each part was written. */
export interface LocatedYaml {
  /** The plain JavaScript value (undefined when there are syntax errors or the text is empty). */
  readonly value: unknown;
  /** Syntax errors; when any exist `value` is not to be trusted. */
  readonly errors: readonly YamlSyntaxError[];
  /** Position of `path` in the file, or of its deepest existing part when the path is absent. */
  locate(path: readonly PropertyKey[], target?: YamlTarget): YamlPosition;
  /** Like `locate`, and also says whether the whole path exists. */
  locateDetailed(path: readonly PropertyKey[], target?: YamlTarget): YamlPathLocation;
  /** The text of a line, by its number in the file (as in positions); "" outside the YAML. */
  lineText(line: number): string;
}

/** Parses YAML keeping positions; `lineOffset` is how many file lines precede the YAML text. */
export function parseLocatedYaml(text: string, lineOffset = 0): LocatedYaml {
  const lineCounter = new LineCounter();
  const lines = text.split(/\r?\n/);
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const shift = <P extends YamlPosition>(position: P): P => ({ ...position, line: position.line + lineOffset });
  const errors = doc.errors.map((error) => shift(syntaxError(error)));
  const locateDetailed = (path: readonly PropertyKey[], target: YamlTarget = 'value') =>
    shift(locateYamlPath(doc, lineCounter, path, target));
  return {
    value: errors.length ? undefined : (doc.toJS() as unknown) ?? undefined,
    errors,
    locate: (path, target) => {
      const { line, column } = locateDetailed(path, target);
      return { line, column };
    },
    locateDetailed,
    lineText: (line) => lines[line - 1 - lineOffset] ?? '',
  };
}

function syntaxError(error: YAMLError): YamlSyntaxError {
  const start = error.linePos?.[0];
  return { line: start?.line ?? 1, column: start?.col ?? 1, message: plainYamlErrorMessage(error) };
}

/** Finds the line:column of `path` in `doc` (parsed with `{ lineCounter }`), within the YAML text. */
export function locateYamlPath(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  target: YamlTarget = 'value',
): YamlPathLocation {
  const walked = walkPath(doc.contents as Node | null, path);
  // A key is the better target for unknown fields, and the only one when a value is absent (`publisher:` then nothing).
  const keyOffset = target === 'key' || !walked.node?.range ? walked.keyNode?.range?.[0] : undefined;
  const offset = keyOffset ?? walked.node?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1, found: false };
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col, found: walked.found };
}

interface Walked {
  /** Deepest node reached (the value at the end of the path when found). */
  readonly node: Node | undefined;
  /** The key of the last map step taken to reach `node`, if the last step was through a map. */
  readonly keyNode: Node | undefined;
  readonly found: boolean;
}

/** Follows `path` through maps and sequences as far as it goes. */
function walkPath(root: Node | null, path: readonly PropertyKey[]): Walked {
  let node: Node | undefined = root ?? undefined;
  let keyNode: Node | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return { node, keyNode, found: false };
      keyNode = pair.key as Node;
      // An empty value may have no node at all; stay on the key so there is still somewhere to point.
      const value = (pair.value as Node | null) ?? undefined;
      if (!value) return { node: keyNode, keyNode, found: true };
      node = value;
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      keyNode = undefined;
      node = node.items[step] as Node;
    } else {
      return { node, keyNode, found: false };
    }
  }
  return { node, keyNode, found: true };
}

/** The first line of a YAML parser error, without the "at line L, column C" the diagnostic already gives. */
export function plainYamlErrorMessage(error: YAMLError): string {
  const firstLine = error.message.split('\n', 1)[0] ?? error.message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}
