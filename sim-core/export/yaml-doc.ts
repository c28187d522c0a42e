// YAML output with a comment beside chosen values (formula and source), through the yaml package's Document API.

import { Document, isScalar } from 'yaml';

export type Path = (string | number)[];

export function yamlWithComments(obj: unknown, comments: [Path, string][], top: string[] = []): string {
  const doc = new Document(obj);
  for (const [path, text] of comments) {
    const node = doc.getIn(path, true);
    if (isScalar(node)) node.comment = ` ${text}`;
    else if (node && typeof node === 'object') (node as { commentBefore?: string }).commentBefore = ` ${text}`;
  }
  const body = doc.toString({ lineWidth: 0 });
  return [...top, body].join('\n');
}
