// Checks a parsed YAML document before it becomes a plain value: nesting depth, how many values its aliases
// expand to (an alias bomb is refused at the alias that crosses the limit), cyclic aliases and keys that are
// not plain strings or numbers. Every problem is an issue with the path where it occurs.

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { formatPath, type ScenarioIssue } from './schema-errors';
import { deepPath, nestingIssue } from './json-shape';
import { MAX_NESTING, MAX_VALUES } from './text-limits';

interface Shape {
  /** Values in the node once every alias in it is expanded (the node itself included). */
  size: number;
  /** Levels of collections the expanded node spans (a scalar: 0). */
  height: number;
}

class ShapeError extends Error {
  constructor(readonly issue: ScenarioIssue) {
    super(issue.message);
  }
}

const IN_PROGRESS: Shape = { size: -1, height: -1 };

class Walker {
  total = 0;
  private readonly anchors = new Map<string, Node>();
  private readonly shapes = new Map<Node, Shape>();

  walk(node: unknown, path: PropertyKey[], depth: number): Shape {
    if (isAlias(node)) return this.alias(node.source, path, depth);
    const n = node as Node | null;
    if (n && typeof n === 'object' && 'anchor' in n && typeof n.anchor === 'string' && n.anchor) {
      this.anchors.set(n.anchor, n);
      this.shapes.set(n, IN_PROGRESS);
    }
    const shape = this.collection(node, path, depth);
    if (n && this.shapes.get(n) === IN_PROGRESS) this.shapes.set(n, shape);
    return shape;
  }

  private collection(node: unknown, path: PropertyKey[], depth: number): Shape {
    this.count(1, path, () => 'the file');
    if (!isMap(node) && !isSeq(node)) return { size: 1, height: 0 };
    if (depth >= MAX_NESTING) throw new ShapeError(nestingIssue(path));
    let size = 1;
    let height = 0;
    node.items.forEach((item, i) => {
      let child: unknown = item;
      let key: PropertyKey = i;
      if (isPair(item)) {
        key = this.key(item.key, path);
        child = item.value;
      }
      const s = this.walk(child, [...path, key], depth + 1);
      size += s.size;
      height = Math.max(height, s.height);
    });
    return { size, height: height + 1 };
  }

  private key(key: unknown, path: PropertyKey[]): string {
    if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
    if (isScalar(key) && key.value === null) return '';
    throw new ShapeError({ path: formatPath(path), message: 'expected field names that are plain text, got a list, map or alias as a key' });
  }

  private alias(name: string, path: PropertyKey[], depth: number): Shape {
    const target = this.anchors.get(name);
    const shape = target ? this.shapes.get(target) : undefined;
    if (!target || !shape) throw new ShapeError({ path: formatPath(path), message: `expected an alias to an anchor defined earlier, got *${name}` });
    if (shape === IN_PROGRESS) throw new ShapeError({ path: formatPath(path), message: `expected an alias outside the node it refers to, got *${name} inside &${name} (a cycle)` });
    if (depth + shape.height > MAX_NESTING) throw new ShapeError({ ...nestingIssue(path), message: `${nestingIssue(path).message} through *${name}` });
    this.count(shape.size, path, () => `*${name} (${shape.size.toLocaleString('en-US')} values each time)`);
    return shape;
  }

  private count(n: number, path: PropertyKey[], what: () => string): void {
    this.total += n;
    if (this.total > MAX_VALUES) {
      throw new ShapeError({
        path: deepPath(path),
        message: `expected a file of at most ${MAX_VALUES.toLocaleString('en-US')} values with its aliases expanded, got more here from ${what()}: an alias bomb?`,
      });
    }
  }
}

/** The first shape problem of the document, or null. */
export function checkYamlShape(doc: Document): ScenarioIssue | null {
  try {
    new Walker().walk(doc.contents, [], 0);
    return null;
  } catch (e) {
    if (e instanceof ShapeError) return e.issue;
    throw e;
  }
}
